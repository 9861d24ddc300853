from django.contrib import admin

from smartcluster.industries.models import Industry


@admin.register(Industry)
class IndustryAdmin(admin.ModelAdmin):
    list_display = ["code", "eurostat_code", "level", "section", "name", "parent"]
    list_filter = ["level", "section"]
    search_fields = ["code", "eurostat_code", "name"]
    raw_id_fields = ["parent"]
    list_select_related = ["parent"]
