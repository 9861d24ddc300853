from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaturityConfig(AppConfig):
    name = "smartcluster.maturity"
    label = "maturity"
    verbose_name = _("Digital and green maturity")
    navigation = (_("Maturity"), "maturity:home", 50)
