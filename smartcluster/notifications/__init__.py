"""Notifications shared by every domain: the in-app inbox, e-mail copies and each user's e-mail preferences."""
