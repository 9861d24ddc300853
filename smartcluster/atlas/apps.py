from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AtlasConfig(AppConfig):
    name = "smartcluster.atlas"
    label = "atlas"
    verbose_name = _("Cluster mapping")
    navigation = (_("Mapping"), "atlas:home", 10)
    default_auto_field = "django.db.models.BigAutoField"
