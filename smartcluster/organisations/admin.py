from django.contrib import admin

from smartcluster.organisations.models import Organisation, Partner, Person, Project, Tag
from smartcluster.site.admin import HTTPS_URL_FIELDS


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


class PersonInline(admin.TabularInline):
    model = Person
    fields = ["name", "email", "role", "consent_to_contact", "consent_to_list"]
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "region", "nace", "size_class", "is_published"]
    list_filter = ["type", "size_class", "is_published"]
    search_fields = ["name", "description"]
    raw_id_fields = ["region", "nace"]
    formfield_overrides = HTTPS_URL_FIELDS
    filter_horizontal = ["technology_tags", "sector_tags"]
    inlines = [PersonInline]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "role", "consent_to_contact", "consent_to_list", "consent_date"]
    list_filter = ["consent_to_contact", "consent_to_list"]
    search_fields = ["name", "email", "organisation__name"]
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["user"]


class PartnerInline(admin.TabularInline):
    model = Partner
    fields = ["organisation", "role", "policy_instrument"]
    autocomplete_fields = ["organisation"]
    extra = 0


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["acronym", "name", "programme", "start_date", "semesters"]
    search_fields = ["acronym", "name"]
    inlines = [PartnerInline]


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["organisation", "project", "role"]
    list_filter = ["role", "project"]
    search_fields = ["organisation__name", "project__acronym"]
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["regions"]
