"""The interactive Gantt-style timeline page (skeleton; issue 6 makes it good)."""

from __future__ import annotations

import plotly.graph_objects as go

from timeline.models import Chronology


def render_html(chronology: Chronology) -> str:
    events = [e for e in chronology.events if e.start and e.end]
    fig = go.Figure()
    for e in events:
        fig.add_trace(
            go.Scatter(
                x=[e.start, e.end],
                y=[e.label[:60]] * 2,
                mode="lines",
                line={"width": 12},
                name=e.id,
                showlegend=False,
            )
        )
    fig.update_layout(title="timeline", height=max(300, 30 * len(events) + 150))
    return fig.to_html(include_plotlyjs=True, full_html=True)
