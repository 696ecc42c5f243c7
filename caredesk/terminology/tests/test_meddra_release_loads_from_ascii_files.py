"""A customer's MedDRA ASCII release loads from its files ($-separated, trailing $), coding
then prefers it over the open list, and a broken release is refused with a clear message."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from caredesk.errors import InvalidInput
from caredesk.terminology.models import Term, TerminologyRelease, TermLevel
from caredesk.terminology.services.releases import load_meddra
from caredesk.terminology.services.search import coding_release, search_terms

pytestmark = pytest.mark.django_db

# A tiny synthetic release in the distribution layout (codes invented, not MedDRA's).
PT = "90000001$Cephalalgia test$$90000100$$$$$$$$\n90000002$Queasiness test$$90000100$$$$$$$$\n"
LLT = (
    "90000001$Cephalalgia test$90000001$$$$$$$Y$$\n"
    "90000011$Head pain test$90000001$$$$$$$Y$$\n"
    "90000012$Old head pain test$90000001$$$$$$$N$$\n"
    "90000002$Queasiness test$90000002$$$$$$$Y$$\n"
    "90000021$Café queasy test$90000002$$$$$$$Y$$\n"
)


def release(tmp_path: Path, llt: str = LLT, encoding: str = "latin-1") -> Path:
    folder = tmp_path / "MedAscii"
    folder.mkdir()
    (folder / "pt.asc").write_text(PT, encoding=encoding)
    (folder / "llt.asc").write_text(llt, encoding=encoding)
    (folder / "meddra_release.asc").write_text("99.0$English$$$$\n", encoding=encoding)
    return tmp_path


def test_the_command_loads_pts_and_llts_with_their_version(tmp_path):
    out = io.StringIO()
    call_command("terminology", "load-meddra", str(release(tmp_path)), stdout=out)
    loaded = TerminologyRelease.objects.get(name="MedDRA")
    assert (loaded.version, loaded.language, loaded.licensed) == ("99.0", "English", True)
    assert "7 terms" in out.getvalue()
    head_pain = Term.objects.get(release=loaded, code="90000011")
    assert head_pain.level == TermLevel.LLT and head_pain.pt_code == "90000001"
    assert not Term.objects.get(release=loaded, code="90000012").current
    assert Term.objects.filter(release=loaded, term="Café queasy test").exists()


def test_utf8_files_load_too_and_a_rerun_replaces_the_terms(tmp_path):
    path = release(tmp_path, encoding="utf-8")
    load_meddra(path)
    load_meddra(path)
    assert TerminologyRelease.objects.filter(name="MedDRA").count() == 1
    assert Term.objects.filter(release__name="MedDRA").count() == 7
    assert Term.objects.filter(term="Café queasy test").exists()


def test_coding_prefers_the_licensed_release_and_skips_non_current_terms(tmp_path):
    current = coding_release()
    assert current is not None and current.name != "MedDRA"  # the open list (migration)
    load_meddra(release(tmp_path))
    hits = search_terms("head pain")
    assert [h.code for h in hits] == ["90000011"]
    assert hits[0].pt_term == "Cephalalgia test" and hits[0].release == "MedDRA 99.0"


def test_an_llt_pointing_to_an_unknown_pt_is_refused(tmp_path):
    broken = LLT + "90000031$Orphan test$90000099$$$$$$$Y$$\n"
    with pytest.raises(InvalidInput, match="unknown PT"):
        load_meddra(release(tmp_path, llt=broken))
    assert not TerminologyRelease.objects.filter(name="MedDRA").exists()


def test_a_folder_without_the_files_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match=r"pt\.asc and llt\.asc"):
        call_command("terminology", "load-meddra", str(tmp_path))
    with pytest.raises(CommandError, match="not a folder"):
        call_command("terminology", "load-meddra", str(tmp_path / "missing"))


def test_a_malformed_record_names_its_line(tmp_path):
    with pytest.raises(InvalidInput, match=r"llt\.asc line 2"):
        load_meddra(release(tmp_path, llt="90000011$Head pain$90000001$\nnot a record\n"))
