from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "smartcluster.events"
    label = "events"
    verbose_name = _("Project life")
    navigation = (_("Events"), "events:event_list", 30)
