from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndustriesConfig(AppConfig):
    name = "smartcluster.industries"
    label = "industries"
    verbose_name = _("Industries (NACE Rev. 2)")
    navigation = (_("Industries"), "industries:list", 91)
