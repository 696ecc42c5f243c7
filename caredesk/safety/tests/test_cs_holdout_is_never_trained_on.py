"""The holdouts (customer service: eval/customer_service/holdout_cs.txt and holdout_cs_2.txt;
contact center: eval/contact_center/holdout_5.txt and holdout_6.txt) are the figures the models
never learned from or had a threshold fitted on: no training script may read them, while the
training batch train_cs_3.txt must be read (else it would silently stop helping).

Two checks: no training module names the holdout, and building each script's training rows
opens every file it reads through a recorder that fails on the holdout."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

TRAINERS = (
    "eval.train_model",
    "eval.train_pc_model",
    "eval.train_ss_model",
    "eval.train_tampering_model",
)
HOLDOUTS = ("holdout_cs.txt", "holdout_cs_2.txt", "holdout_5.txt", "holdout_6.txt")


def _code_words(source: str) -> set[str]:
    """Names, attributes and string constants of a module's code (docstrings left out: they may
    say that the holdout is not read)."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    words = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            words.add(node.id)
        elif isinstance(node, ast.Attribute):
            words.add(node.attr)
    return words


@pytest.mark.parametrize("name", TRAINERS)
def test_no_training_module_names_the_holdout(name):
    words = _code_words(inspect.getsource(importlib.import_module(name)))
    for needle in (*HOLDOUTS, "customer_service_holdout", "CS_HOLDOUTS", "holdout"):
        assert not any(needle in word for word in words), needle


def _stand_in_corpora(root: Path) -> Path:
    """A few rows in the shape of the shared corpora, for machines without ../shared (CI): the
    check is about which of our files the scripts open, not about the public corpora."""
    psytar = root / "psytar_dev" / "sentences.csv"
    psytar.parent.mkdir(parents=True)
    psytar.write_text(
        "drug_id,sentence_index,sentences,ADR,WD,EF,INF,SSI,DI\n"
        'a.1,1.0,"I gained weight on it.",1.0,,,,,\n'
        'b.2,1.0,"It did nothing for my mood.",,,,1.0,,\n'
        'c.3,1.0,"Coming off it gave me brain zaps.",,1.0,,,,\n'
        'd.4,1.0,"I take it for depression.",,,,,1.0,\n',
        encoding="utf-8",
    )
    maude = root / "maude_foitext_2007_subset" / "foitext2007_selected.txt"
    maude.parent.mkdir(parents=True)
    maude.write_text("1|1|D|1||THE METER SHOWED AN ERROR.\n", encoding="ascii")
    return root


@pytest.mark.parametrize("name", TRAINERS)
def test_training_rows_never_open_the_holdout_and_do_read_the_cs_batch(name, monkeypatch, tmp_path):
    from eval import datasets

    if not (datasets.SHARED / "psytar_dev" / "sentences.csv").exists():
        monkeypatch.setattr(datasets, "SHARED", _stand_in_corpora(tmp_path))
    opened: list[str] = []
    real_open, real_read = Path.open, Path.read_text

    def spy_open(self, *args, **kwargs):
        opened.append(self.name)
        return real_open(self, *args, **kwargs)

    def spy_read(self, *args, **kwargs):
        opened.append(self.name)
        return real_read(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy_open)
    monkeypatch.setattr(Path, "read_text", spy_read)
    texts = importlib.import_module(name)._rows()[0]
    assert not set(HOLDOUTS) & set(opened)
    assert "train_cs_3.txt" in opened
    for name in datasets.CS_HOLDOUTS:
        held = {item.text for item in datasets.customer_service_holdout(name)}
        assert held and not held & set(texts), name
    for split in ("holdout", "holdout2"):
        held = {item.text for item in datasets.contact_center(split)}
        assert held and not held & set(texts), split
