from django.contrib import admin

from smartcluster.matchmaking.models import (
    Event,
    Feedback,
    Meeting,
    Opportunity,
    Participant,
    ScheduleRun,
    Session,
    TimeSlot,
)
from smartcluster.site.admin import HTTPS_URL_FIELDS


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0


class OpportunityInline(admin.TabularInline):
    model = Opportunity
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "organiser", "mode", "registration_closes_at", "is_published"]
    list_filter = ["mode", "is_published"]
    search_fields = ["title", "organiser__name"]
    inlines = [SessionInline]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["__str__", "event", "participant_type", "country", "status"]
    list_filter = ["status", "participant_type", "event"]
    search_fields = ["organisation__name", "person__name"]
    raw_id_fields = ["user", "organisation", "person", "region"]
    filter_horizontal = ["sectors", "technologies"]
    exclude = ["unavailable_slots"]
    inlines = [OpportunityInline]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "event", "status", "slot", "table", "is_locked", "attendance"]
    list_filter = ["status", "attendance", "event"]
    raw_id_fields = ["requester", "recipient", "slot"]
    formfield_overrides = HTTPS_URL_FIELDS


admin.site.register(TimeSlot)
admin.site.register(Feedback)
admin.site.register(ScheduleRun)
