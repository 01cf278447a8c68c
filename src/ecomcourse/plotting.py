"""Matplotlib set-up: a font that renders Chinese, one house style, yuan formatting."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import matplotlib as mpl
from matplotlib import font_manager
from matplotlib.ticker import FuncFormatter

SYSTEM_CJK_FONTS = ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
                    "Noto Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei")
BUNDLED_FONT = Path(__file__).parent / "fonts" / "EcomcourseSansSC-Regular.otf"
PALETTE = ["#d9480f", "#1c7ed6", "#2b8a3e", "#f59f00", "#7048e8", "#0ca678", "#868e96"]


@cache
def cjk_font_name() -> str:
    """A font family with Simplified Chinese glyphs: a system one if present, else the bundled one."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in SYSTEM_CJK_FONTS:
        if name in installed:
            return name
    font_manager.fontManager.addfont(str(BUNDLED_FONT))
    return font_manager.FontProperties(fname=str(BUNDLED_FONT)).get_name()


def setup_plotting() -> None:
    """Apply the course style; Chinese and English labels both render."""
    mpl.rcParams.update({
        "font.family": "sans-serif",
        "font.sans-serif": [cjk_font_name(), "DejaVu Sans"],
        "axes.unicode_minus": False,
        "axes.prop_cycle": mpl.cycler(color=PALETTE),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "figure.figsize": (9, 4.2),
        "figure.dpi": 100,
        "axes.titlesize": "large",
        "legend.frameon": False,
    })


def yuan_formatter(decimals: int = 0, compact: bool = True) -> FuncFormatter:
    """Axis ticks in yuan with thousands separators (¥12,000; ¥1.2M above a million unless
    ``compact`` is false, for close-up axes whose ticks differ by less than ¥0.1M)."""
    def fmt(value: float, _pos: int) -> str:
        if compact and abs(value) >= 1e6:
            return f"¥{value / 1e6:.1f}M"
        return f"¥{value:,.{decimals}f}"
    return FuncFormatter(fmt)


def percent_formatter(decimals: int = 0) -> FuncFormatter:
    """Axis ticks for fractions shown as percentages (0.035 -> 3.5%)."""
    return FuncFormatter(lambda value, _pos: f"{value:.{decimals}%}")
