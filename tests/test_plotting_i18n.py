"""Chinese renders in plots without a system CJK font; every printed string exists in both
languages; every dataset code has a display label."""

from __future__ import annotations

import logging
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from ecomcourse import i18n, plotting  # noqa: E402
from ecomcourse.data import load_dataset, schemas  # noqa: E402


def test_bundled_font_covers_every_chinese_string(caplog):
    font = font_manager.FontProperties(fname=str(plotting.BUNDLED_FONT))
    texts = [v["zh"] for v in i18n.STRINGS.values()] + [v["zh"] for v in i18n.LABELS.values()]
    fig, ax = plt.subplots()
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING):
        warnings.simplefilter("always")
        for i, text in enumerate(texts):
            ax.text(0, i, text.format_map(_Blank()), fontproperties=font)
        fig.canvas.draw()
    plt.close(fig)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert not missing and "missing from font" not in caplog.text


def test_setup_plotting_uses_a_cjk_font():
    plotting.setup_plotting()
    family = matplotlib.rcParams["font.sans-serif"][0]
    assert family in plotting.SYSTEM_CJK_FONTS or family == "Ecomcourse Sans SC"


@pytest.mark.parametrize("table", [i18n.STRINGS, i18n.LABELS])
def test_every_string_has_both_languages(table):
    for key, texts in table.items():
        assert set(texts) == set(i18n.LANGUAGES), key
        assert all(texts[lang].strip() for lang in i18n.LANGUAGES), key


def test_every_dataset_code_has_a_label():
    codes = set()
    for name, column in [("orders", "platform"), ("orders", "channel"), ("orders", "device"),
                         ("customers", "city_tier"), ("customers", "gender"), ("products", "category"),
                         ("funnel_events", "step"), ("ad_campaigns_daily", "channel"),
                         ("operating_costs", "cost_type")]:
        assert column in schemas()[name].column_names
        codes |= set(load_dataset(name)[column].unique())
    assert codes - set(i18n.LABELS) == set()


class _Blank(dict):
    def __missing__(self, key: str) -> int:
        return 0
