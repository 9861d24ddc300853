from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    name = "smartcluster.site"
    label = "site_core"
    verbose_name = _("Platform")
