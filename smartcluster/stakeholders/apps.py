from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StakeholdersConfig(AppConfig):
    name = "smartcluster.stakeholders"
    label = "stakeholders"
    verbose_name = _("Stakeholders")
    navigation = (_("Stakeholders"), "stakeholders:home", 35)
