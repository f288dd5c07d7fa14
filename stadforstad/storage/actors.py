"""Who acts on the store: an :class:`Actor` with their grants, and the two roles."""

from __future__ import annotations

from dataclasses import dataclass, field

MEMBER = "member"
COORDINATOR = "coordinator"
ROLES = (MEMBER, COORDINATOR)


@dataclass(frozen=True)
class Actor:
    """Who is acting. ``grants`` maps workspace id → role (member or coordinator)."""

    name: str
    user_id: int | None = None
    is_admin: bool = False
    grants: dict[int, str] = field(default_factory=dict)

    @classmethod
    def local(cls) -> Actor:
        """The single local user of an installation without accounts: may do everything."""
        return cls(name="lokal", is_admin=True)

    def can_read(self, workspace_id: int) -> bool:
        return self.is_admin or workspace_id in self.grants

    def can_write(self, workspace_id: int) -> bool:
        return self.is_admin or self.grants.get(workspace_id) == MEMBER

    def can_compare(self) -> bool:
        """County coordinators (a coordinator grant somewhere) and administrators."""
        return self.is_admin or COORDINATOR in self.grants.values()
