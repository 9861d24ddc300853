from django.contrib import admin

from smartcluster.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["id", "title", "kind", "status", "progress", "attempts", "worker", "created_by", "created_at"]
    list_filter = ["status", "kind"]
    readonly_fields = [field.name for field in Job._meta.fields]
