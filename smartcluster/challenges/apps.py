from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChallengesConfig(AppConfig):
    name = "smartcluster.challenges"
    label = "challenges"
    verbose_name = _("Open innovation challenges")
    navigation = (_("Challenges"), "challenges:home", 45)
