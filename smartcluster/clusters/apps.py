from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClustersConfig(AppConfig):
    name = "smartcluster.clusters"
    label = "clusters"
    verbose_name = _("Cluster organisations")
    navigation = (_("Clusters"), "clusters:cluster_list", 25)
