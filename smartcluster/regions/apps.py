from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "smartcluster.regions"
    label = "regions"
    verbose_name = _("Regions (NUTS)")
    navigation = (_("Regions"), "regions:list", 90)
