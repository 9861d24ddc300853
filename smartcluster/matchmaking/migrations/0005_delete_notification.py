from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("matchmaking", "0004_notifications_moved"),
    ]

    operations = [migrations.DeleteModel(name="Notification")]
