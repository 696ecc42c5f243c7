"""Load the bundled open term list, so demos and tests can code events out of the box."""

from django.db import migrations
from django.utils import timezone


def load(apps, schema_editor):
    from caredesk.terminology.services.releases import (
        OPEN_LIST,
        OPEN_LIST_VERSION,
        parse_open_list,
    )

    release_model = apps.get_model("terminology", "TerminologyRelease")
    term_model = apps.get_model("terminology", "Term")
    release, _ = release_model.objects.get_or_create(
        name=OPEN_LIST,
        version=OPEN_LIST_VERSION,
        language="en",
        defaults={"licensed": False, "source": "bundled", "loaded_at": timezone.now()},
    )
    if term_model.objects.filter(release=release).exists():
        return
    term_model.objects.bulk_create(
        term_model(
            release=release,
            code=t.code,
            term=t.term,
            level=t.level,
            pt_code=t.pt_code,
            language=t.language or "en",
        )
        for t in parse_open_list()
    )


class Migration(migrations.Migration):
    dependencies = [("terminology", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
