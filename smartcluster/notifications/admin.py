from django.contrib import admin

from smartcluster.notifications.models import Notification, NotificationPreference


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["subject", "user", "kind", "topic", "created_at", "read_at"]
    list_filter = ["kind", ("read_at", admin.EmptyFieldListFilter)]
    search_fields = ["subject", "topic", "user__username", "user__email"]
    raw_id_fields = ["user"]
    date_hierarchy = "created_at"


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "email"]
    list_filter = ["email", "kind"]
    search_fields = ["user__username", "user__email"]
    raw_id_fields = ["user"]
