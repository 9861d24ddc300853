"""Admin of the clusters app: registry (profiles with their categories, members, counts, services, labels and
agreements as inlines), held to the services' rules: a profile only for a cluster organisation, categories of the
mapping taxonomies."""

from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from smartcluster.clusters.models import (
    ClusterCategory,
    ClusterLabel,
    ClusterMember,
    ClusterProfile,
    ClusterService,
    InternationalAgreement,
    MemberCount,
)
from smartcluster.clusters.services.registry import registry_categories_checked
from smartcluster.organisations.choices import OrganisationType
from smartcluster.site.admin import HTTPS_URL_FIELDS


class ClusterProfileAdminForm(forms.ModelForm):
    eccp_profile_url = forms.URLField(label=_("ECCP profile"), required=False, assume_scheme="https")

    class Meta:
        model = ClusterProfile
        fields = ["organisation", "legal_form", "founding_year", "regions_served", "keeps_member_list",
                  "management_fte", "has_strategy", "eccp_profile_url", "contacts", "is_published"]

    def clean_organisation(self) -> Any:
        organisation = self.cleaned_data["organisation"]
        if organisation is not None and organisation.type != OrganisationType.CLUSTER:
            raise forms.ValidationError(
                _("“%(name)s” is not of type cluster organisation: only those have a cluster profile."),
                params={"name": organisation.name})
        return organisation


class ClusterCategoryAdminForm(forms.ModelForm):
    class Meta:
        model = ClusterCategory
        fields = ["taxonomy", "category"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("taxonomy") and cleaned.get("category"):
            try:
                registry_categories_checked([(cleaned["taxonomy"], cleaned["category"])])
            except forms.ValidationError as error:
                self.add_error("category", error.message_dict["categories"])
        return cleaned


class ClusterCategoryInline(admin.TabularInline):
    model = ClusterCategory
    form = ClusterCategoryAdminForm
    extra = 0


class ClusterMemberInline(admin.TabularInline):
    model = ClusterMember
    extra = 0
    raw_id_fields = ["organisation"]


class MemberCountInline(admin.TabularInline):
    model = MemberCount
    extra = 0


class ClusterServiceInline(admin.TabularInline):
    model = ClusterService
    extra = 0


class ClusterLabelInline(admin.TabularInline):
    model = ClusterLabel
    extra = 0
    formfield_overrides = HTTPS_URL_FIELDS


class InternationalAgreementInline(admin.TabularInline):
    model = InternationalAgreement
    extra = 0


@admin.register(ClusterProfile)
class ClusterProfileAdmin(admin.ModelAdmin):
    form = ClusterProfileAdminForm
    formfield_overrides = HTTPS_URL_FIELDS
    list_display = ["organisation", "legal_form", "founding_year", "management_fte", "keeps_member_list",
                    "is_published"]
    list_filter = ["is_published", "legal_form", "keeps_member_list", "labels__kind"]
    search_fields = ["organisation__name"]
    raw_id_fields = ["organisation", "regions_served", "contacts"]
    inlines = [ClusterCategoryInline, ClusterMemberInline, MemberCountInline, ClusterServiceInline,
               ClusterLabelInline, InternationalAgreementInline]


@admin.register(ClusterMember)
class ClusterMemberAdmin(admin.ModelAdmin):
    list_display = ["organisation", "profile", "member_type", "year_joined", "year_left", "committed"]
    list_filter = ["member_type", "committed"]
    search_fields = ["organisation__name", "profile__organisation__name"]
    raw_id_fields = ["organisation", "profile"]


@admin.register(ClusterLabel)
class ClusterLabelAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URL_FIELDS
    list_display = ["profile", "kind", "level", "year", "expires_on"]
    list_filter = ["kind", "level"]
    search_fields = ["profile__organisation__name", "name"]
    raw_id_fields = ["profile"]
