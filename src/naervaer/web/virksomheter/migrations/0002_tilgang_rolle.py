"""One role per tie instead of two flags: administrator stays administrator, a statistics right
becomes the STATISTIKK role, and a tie without either becomes ANSATT (benchmarks only)."""

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def til_rolle(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    tilgang = apps.get_model("virksomheter", "Tilgang")
    tilgang.objects.filter(er_administrator=True).update(rolle="ADMINISTRATOR")
    tilgang.objects.filter(er_administrator=False, kan_se_statistikk=True).update(
        rolle="STATISTIKK"
    )


def til_flagg(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    tilgang = apps.get_model("virksomheter", "Tilgang")
    tilgang.objects.filter(rolle="ADMINISTRATOR").update(
        er_administrator=True, kan_se_statistikk=True
    )
    tilgang.objects.exclude(rolle__in=["ADMINISTRATOR", "ANSATT"]).update(kan_se_statistikk=True)


class Migration(migrations.Migration):
    dependencies = [("virksomheter", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="tilgang",
            name="rolle",
            field=models.CharField(
                choices=[
                    ("ADMINISTRATOR", "administrator"),
                    ("HR", "HR"),
                    ("LEDER", "leder"),
                    ("VERNEOMBUD", "verneombud"),
                    ("TILLITSVALGT", "tillitsvalgt"),
                    ("STATISTIKK", "ser statistikken"),
                    ("ANSATT", "ansatt"),
                ],
                default="ANSATT",
                max_length=14,
            ),
        ),
        migrations.RunPython(til_rolle, til_flagg),
        migrations.RemoveField(model_name="tilgang", name="er_administrator"),
        migrations.RemoveField(model_name="tilgang", name="kan_se_statistikk"),
    ]
