"""The action_plans admin."""
