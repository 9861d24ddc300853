from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "smartcluster.learning"
    label = "learning"
    verbose_name = _("Interregional learning")
    navigation = (_("Learning"), "learning:home", 37)
