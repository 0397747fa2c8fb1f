"""The source registry: built-ins, normalised and fuzzy lookup, canonical names, user edits."""

from __future__ import annotations

import pytest

from claimtrack.model import Source, SourceKind
from claimtrack.sources import SourceRegistry, canonicalise, default_registry, normalise


@pytest.fixture()
def registry() -> SourceRegistry:
    return default_registry()


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("Anadolu", "Anadolu"),
        ("Turkey's state-owned Anadolu news agency", "Anadolu"),
        ("Turkey’s state-owned Anadolu news agency", "Anadolu"),
        ("The state-owned Russia Today channel", "Russia Today"),
        ("RT", "Russia Today"),
        ("the Observatory", "Syrian Observatory for Human Rights"),
        ("SOHR", "Syrian Observatory for Human Rights"),
        ("the British-based observatory", "Syrian Observatory for Human Rights"),
        ("Syrian Observatory for Human Rights monitor", "Syrian Observatory for Human Rights"),
        ("Sana", "SANA"),
        ("Syrian Arab News Agency", "SANA"),
        ("Syrian state news agency Sana", "SANA"),
        ("SANA reporter", "SANA"),
        ("Syrian state television", "Syrian state TV"),
        ("Reuters", "Reuters"),
        ("Agence France-Presse", "AFP"),
        ("the Associated Press", "AP"),
        ("the United Nations", "United Nations"),
        ("UN refugee agency", "UNHCR"),
        ("Syria Civil Defence", "White Helmets"),
        ("the White Helmets", "White Helmets"),
        ("The Russian defence ministry", "Russian Defence Ministry"),
        ("the Kremlin", "Russian government"),
        ("Ankara", "Turkish government"),
        ("Damascus", "Syrian government"),
        ("Israeli army", "Israeli military"),
        ("the Pentagon", "US military"),
        ("Al Manar", "Al-Manar"),
        ("Asharq al-Awsat", "Asharq Al-Awsat"),
    ],
)
def test_resolves_builtin_sources(registry: SourceRegistry, mention: str, name: str) -> None:
    found = registry.resolve(mention)
    assert found is not None, mention
    assert found.name == name


def test_diacritics_case_and_titles_fold_to_the_same_person(registry: SourceRegistry) -> None:
    for mention in ("Çavuşoğlu", "Mevlüt Çavuşoğlu", "Mr Cavusoglu", "CAVUSOGLU", "Cavusoglu's"):
        found = registry.resolve(mention)
        assert found is not None and found.name == "Mevlut Cavusoglu", mention
        assert found.is_person


def test_fuzzy_lookup_takes_spelling_variants(registry: SourceRegistry) -> None:
    found = registry.resolve("Sergei Lavrov")
    assert found is not None and found.name == "Sergey Lavrov"
    found = registry.resolve("Syrian Observatory of Human Right")
    assert found is not None and found.name == "Syrian Observatory for Human Rights"


def test_two_people_sharing_a_surname_are_never_merged() -> None:
    registry = SourceRegistry(
        [
            Source("Bashar al-Assad", SourceKind.OFFICIAL, is_person=True),
            Source("Maher al-Assad", SourceKind.OFFICIAL, is_person=True),
        ]
    )
    assert registry.resolve("Assad") is None  # ambiguous: two known people
    assert registry.resolve("Bashar al-Assad").name == "Bashar al-Assad"  # type: ignore[union-attr]
    assert registry.resolve("Hafez al-Assad") is None
    assert registry.resolve("Hulusi Akbar") is None


def test_a_bare_surname_resolves_when_one_person_has_it() -> None:
    registry = SourceRegistry([Source("Hulusi Akar", SourceKind.OFFICIAL, is_person=True)])
    assert registry.resolve("Akar").name == "Hulusi Akar"  # type: ignore[union-attr]
    assert registry.resolve("Mr Akar").name == "Hulusi Akar"  # type: ignore[union-attr]


def test_unknown_mentions_do_not_resolve(registry: SourceRegistry) -> None:
    for mention in ("the monitoring group", "a rebel military source", "Douma", "witnesses"):
        assert registry.resolve(mention) is None, mention


def test_canonicalise_new_sources(registry: SourceRegistry) -> None:
    assert registry.canonicalise("Turkish Foreign Minister Mevlut Cavusoglu") == (
        "Mevlut Cavusoglu",
        "Turkish Foreign Minister",
        SourceKind.OFFICIAL,
    )
    assert canonicalise("Turkish Defence Minister Hulusi Akar") == (
        "Hulusi Akar",
        "Turkish Defence Minister",
        SourceKind.OFFICIAL,
    )
    name, _, kind = registry.canonicalise("Turkey's state-owned Anadolu news agency")
    assert (name, kind) == ("Anadolu", SourceKind.NEWS_AGENCY)
    assert registry.canonicalise("a rebel military source") == (
        "rebel military source",
        None,
        SourceKind.UNNAMED,
    )
    assert canonicalise("witnesses")[0::2] == ("witnesses", SourceKind.UNNAMED)
    name, descriptor, kind = canonicalise("Daraa Health Directorate Abdel Wadoud al-Homsi")
    assert (name, descriptor, kind) == (
        "Abdel Wadoud al-Homsi",
        "Daraa Health Directorate",
        SourceKind.OFFICIAL,
    )
    name, _, kind = registry.canonicalise("the Syrian Network for Human Rights Fadel Abdul Ghani")
    assert (name, kind) == ("Fadel Abdul Ghani", SourceKind.OFFICIAL)
    name, _, _ = registry.canonicalise("Observatory director Rami Abdel Rahman")
    assert name == "Rami Abdel Rahman"


def test_user_aliases_and_merges(registry: SourceRegistry) -> None:
    assert registry.resolve("Hawar Press") is None
    registry.with_alias("Hawar", "Hawar Press")
    assert registry.resolve("hawar press").name == "Hawar"  # type: ignore[union-attr]
    registry.add(
        Source("Local Council of Douma", SourceKind.GOVERNMENT, aliases=("Douma council",))
    )
    registry.add(Source("Douma Local Council", SourceKind.GOVERNMENT))
    merged = registry.merge("Local Council of Douma", "Douma Local Council")
    assert "Douma Local Council" in merged.aliases
    assert registry.get("Douma Local Council") is None
    assert registry.resolve("Douma Local Council").name == "Local Council of Douma"  # type: ignore[union-attr]


def test_sources_are_listed_sorted_and_typed(registry: SourceRegistry) -> None:
    sources = registry.sources()
    names = [s.name.lower() for s in sources]
    assert names == sorted(names)
    assert len(sources) >= 60
    for s in sources:
        if s.kind is SourceKind.OFFICIAL:
            assert s.is_person, s.name
        else:
            assert not s.is_person, s.name
    kinds = {s.kind for s in sources}
    assert {SourceKind.NEWS_AGENCY, SourceKind.MONITOR, SourceKind.GOVERNMENT} <= kinds


def test_normalise() -> None:
    assert normalise("The Observatory’s") == "observatory"
    assert normalise("U.S.") == "us"
    assert normalise("Al-Manar") == normalise("al Manar")
