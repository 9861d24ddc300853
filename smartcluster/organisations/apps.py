from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "smartcluster.organisations"
    label = "organisations"
    verbose_name = _("Organisations and partners")
    navigation = (_("Organisations"), "organisations:list", 80)

    def ready(self) -> None:
        from smartcluster.organisations import signals  # noqa: F401 - connects the receivers
