"""Optional static export (kaleido + local Chromium): works where a browser is, fails in one line
where it is not."""

from __future__ import annotations

import struct

import pytest

from tests.render.synthetic import synthetic_chronology
from timeline.errors import TimelineError
from timeline.render import OUTPUT_FILES, image, write_all
from timeline.render.image import image_available, static_figure, write_image


def test_static_figure_has_a_title_and_no_slider():
    layout = static_figure(synthetic_chronology(6, 3), title="Leak")["layout"]
    assert layout["title"]["text"] == "Leak"
    assert "rangeslider" not in layout["xaxis"]


def test_unknown_format_is_one_clear_error(tmp_path):
    with pytest.raises(TimelineError, match="cannot export an image as 'gif'"):
        write_image(synthetic_chronology(3, 2), tmp_path / "t.gif")


def test_no_browser_is_one_clear_error(tmp_path, monkeypatch):
    pytest.importorskip("kaleido")
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setattr(image.shutil, "which", lambda name: None)
    with pytest.raises(TimelineError, match="needs Chrome or Chromium") as err:
        write_image(synthetic_chronology(3, 2), tmp_path / "t.png")
    assert str(tmp_path / "t.png") in str(err.value)


@pytest.mark.slow
@pytest.mark.browser
def test_write_all_png_writes_a_real_image(tmp_path):
    if not image_available():
        pytest.skip("kaleido or Chrome/Chromium not installed; PNG export not tested")
    written = write_all(synthetic_chronology(8, 3), tmp_path, images=["png"])
    png = written["timeline.png"].read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000
    width, height = struct.unpack(">II", png[16:24])
    assert width == 1400 and height > 300
    assert set(OUTPUT_FILES) <= set(written)
