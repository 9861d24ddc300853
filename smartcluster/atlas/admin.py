from django.contrib import admin

from smartcluster.atlas.models import Focus


@admin.register(Focus)
class FocusAdmin(admin.ModelAdmin):
    list_display = ["organisation", "regions", "peers", "updated_at"]
