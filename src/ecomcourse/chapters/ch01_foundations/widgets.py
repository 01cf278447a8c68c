"""Chapter 1's interactive tools. They only display (nothing waits for input), and grading skips
them (``demonstration``)."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib.pyplot as plt
from IPython.display import HTML

from ...i18n import t
from ...notebook import demonstration, show_in


@demonstration
def gmv_explorer(uv: int, cr: float, aov: float) -> widgets.VBox:
    """Sliders for UV, conversion rate and spend per buyer around a baseline; shows the GMV they
    multiply to and how far each factor moved (chapter 1)."""
    base = uv * cr * aov
    uv_slider = widgets.IntSlider(value=int(uv), min=0, max=int(uv * 3), step=max(int(uv) // 100, 1),
                                  description=t("ch01.widget.uv"), continuous_update=False,
                                  layout=widgets.Layout(width="520px"))
    cr_slider = widgets.FloatSlider(value=cr, min=0.0, max=min(cr * 3, 1.0), step=0.0005,
                                    readout_format=".2%", description=t("ch01.widget.cr"),
                                    continuous_update=False, layout=widgets.Layout(width="520px"))
    aov_slider = widgets.FloatSlider(value=aov, min=0.0, max=aov * 3, step=1.0, readout_format=",.0f",
                                     description=t("ch01.widget.aov"), continuous_update=False,
                                     layout=widgets.Layout(width="520px"))
    out = widgets.Output()

    def render(_change: object = None) -> None:
        u, c, a = uv_slider.value, cr_slider.value, aov_slider.value
        gmv = u * c * a
        factors = [u / uv if uv else 0.0, c / cr if cr else 0.0, a / aov if aov else 0.0,
                   gmv / base if base else 0.0]
        names = [t("ch01.widget.uv"), t("ch01.widget.cr"), t("ch01.widget.aov"), t("kpi.gmv")]
        fig, ax = plt.subplots(figsize=(7, 2.8))
        colors = ["#1c7ed6", "#1c7ed6", "#1c7ed6", "#d9480f"]
        ax.barh(names[::-1], factors[::-1], color=colors[::-1])
        ax.axvline(1.0, color="grey", ls=":")
        for y, value in enumerate(factors[::-1]):
            ax.text(value, y, f" ×{value:.2f}", va="center")
        ax.set(title=t("ch01.widget.title"), xlabel=t("ch01.widget.factor"),
               xlim=(0, max(max(factors) * 1.25, 1.5)))
        show_in(out, HTML(t("ch01.widget.result", uv=u, cr=c, aov=a, gmv=gmv, base=base,
                            change=gmv / base - 1 if base else 0.0)), fig)

    for slider in (uv_slider, cr_slider, aov_slider):
        slider.observe(render, names="value")
    render()
    return widgets.VBox([uv_slider, cr_slider, aov_slider, out])
