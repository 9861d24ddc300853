from django.contrib import admin

from smartcluster.regions.models import Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "version", "level", "country", "name", "name_latn", "parent"]
    list_filter = ["version", "level", "country"]
    search_fields = ["code", "name", "name_latn"]
    raw_id_fields = ["parent"]
    list_select_related = ["parent"]
    readonly_fields = ["source"]
