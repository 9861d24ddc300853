"""The action_plans forms."""
