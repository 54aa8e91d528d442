"""The footer of key hints, fitted to the terminal's width.

Textual's footer lays every hint in one row and cuts what does not fit, so at 80 columns the
last hints (help, quit) were lost. This one drops the hints least needed first (each key's
``footer_rank`` in :mod:`claims.tui.bindings`, higher goes first) until the rest fit; ``?``
lists every key whatever the width.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from claims.tui.bindings import ALL_KEYS

RANKS: dict[str, int] = {spec.id: spec.footer_rank for spec in ALL_KEYS}


def hint_width(key_display: str, description: str) -> int:
    """Cells one compact hint takes: the key, a space, the label and the gap after it."""
    return cell_len(key_display) + 1 + cell_len(description) + 1


def fitting(hints: list[tuple[Binding, str]], width: int) -> list[int]:
    """Indexes of the hints kept in ``width`` cells (in their order), dropping the highest
    rank first and, among equals, the last."""
    kept = list(range(len(hints)))

    def used() -> int:
        return sum(hint_width(hints[i][1], hints[i][0].description) for i in kept)

    while kept and used() > width:
        drop = max(kept, key=lambda i: (RANKS.get(hints[i][0].id or "", 5), i))
        kept.remove(drop)
    return kept


class KeyHints(Footer):
    """A compact footer that shows as many key hints as fit, the most needed first."""

    def __init__(self, **kwargs) -> None:
        super().__init__(compact=True, show_command_palette=False, **kwargs)
        self._fitted_width = 0

    def _hints(self) -> list[tuple[Binding, bool, str, str]]:
        seen: set[str] = set()
        hints = []
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                hints.append((binding, enabled, tooltip, self.app.get_key_display(binding)))
        return hints

    def compose(self):
        if not self._bindings_ready:
            return
        width = self.size.width or self.app.size.width
        self._fitted_width = width
        hints = self._hints()
        kept = fitting([(b, display) for b, _, _, display in hints], width)
        self.styles.grid_size_columns = max(1, len(kept))
        for i in kept:
            binding, enabled, tooltip, display = hints[i]
            yield FooterKey(binding.key, display, binding.description, binding.action,
                            disabled=not enabled, tooltip=tooltip).data_bind(compact=Footer.compact)

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready and event.size.width != self._fitted_width:
            self.call_after_refresh(self.recompose)
