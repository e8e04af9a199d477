"""RegistryApplication: the registry's event store and its commands (seeding, sign-in, accounts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventsourcing.persistence import RecordConflictError

from festival_registry import demo
from festival_registry.adapters import edition_file
from festival_registry.domain import access, ids, passwords, refusals, validation
from festival_registry.domain.account import ROLES, STATUSES, Account
from festival_registry.domain.edition import Edition
from festival_registry.domain.region import Region, School
from festival_registry.store import RegistryStore


class RegistryApplication(RegistryStore):
    """Editions, regions, schools and accounts; callers are authorised from the cause in force."""

    def __init__(self, env: dict[str, str] | None = None):
        super().__init__(env=env)
        self.current_code = ""  # the edition the last seed configured; else the last one stored

    # -- seeding -----------------------------------------------------------------------------------------
    def seed(self, path: Path) -> Edition:
        """Configure an edition and its regions from an edition file; the same file again changes nothing."""
        file = edition_file.load(path)
        edition = self.find(Edition, ids.edition_id(file.rules.code))
        if edition is None:
            edition = Edition.configure(file.rules)
        else:
            edition.reconfigure(file.rules)
        regions = [
            Region(edition=file.rules.code, code=r.code, name_zh=r.name_zh, name_en=r.name_en)
            for r in file.regions if self.find(Region, ids.region_id(r.code)) is None
        ]
        self.save(edition, *regions)
        self.current_code = file.rules.code
        return edition

    def seed_demo_accounts(self) -> None:
        """One active account per role (password `festival-demo`) and an approved demo school."""
        # Two saves, so the log shows the school admin opened before approved; a crash between is redone.
        self.save(*demo.school_and_accounts(self.edition().edition, self.find))
        self.save(*demo.approvals(self.find))

    # -- editions, regions, schools ----------------------------------------------------------------------
    def edition(self, code: str = "") -> Edition:
        """An edition by code; without a code the current one (the last seeded)."""
        code = code or self.current_code
        found = self.find(Edition, ids.edition_id(code)) if code else self.last(Edition)
        if found is None:
            raise refusals.not_found("届次", "Edition")
        return found

    def advance_phases(self, now: Any) -> list[str]:
        """Record the current edition's phases whose moment has passed by `now` (each once, in order)."""
        edition = self.edition()
        recorded = edition.advance(now)
        self.save(edition)
        return recorded

    def regions(self) -> list[Region]:
        return self.all(Region)

    def schools(self, region_id: str = "") -> list[School]:
        return [s for s in self.all(School) if not region_id or s.region_id == region_id]

    # -- accounts ----------------------------------------------------------------------------------------
    def login(self, username: str, password: str) -> Account:
        """The account whose username and password these are; pending and refused accounts cannot sign in."""
        account = self.find(Account, ids.account_id(username.strip().lower()))
        if account is None:
            passwords.spend_verify_time(password)
            raise refusals.bad_credentials()
        if not account.check_password(password):
            raise refusals.bad_credentials()
        account.check_can_sign_in()
        return account

    def register_student(self, username: str, password: str, display_name: str, school_id: str) -> Account:
        """A student opens an account at an approved school (of the school's region)."""
        school = self.find(School, school_id)
        if school is None:
            raise refusals.not_found("学校", "School")
        if not school.approved:
            raise refusals.school_not_approved()
        return self._open(username, password, display_name, "student", school.region_id, str(school.id))

    def register_school_admin(
        self, username: str, password: str, display_name: str, region_id: str, school_name: str
    ) -> Account:
        """A teacher asks to be a school's admin (pending); a school new to the region is registered."""
        region = self._region(region_id)
        name = validation.school_name(school_name)
        school = self.find(School, ids.school_id(str(region.id), name))
        if school is None:
            school = School(edition=self.edition().edition, name=name, region_id=str(region.id))
        return self._open(username, password, display_name, "school_admin", str(region.id), str(school.id), school)

    def decide_school_admin(self, account_id: str, approve: bool, reason: str = "") -> Account:
        """The caller, region admin of the applicant's region, approves or refuses a pending school admin."""
        caller = access.require(self.caller(), "region_admin")
        applicant = self.find(Account, account_id)
        if applicant is None:
            raise refusals.not_found("账号", "Account")
        if not access.may_decide(caller, applicant):
            raise refusals.forbidden()
        applicant.decide(str(caller.id), approve, validation.reason(reason) if reason.strip() else "")
        changed: list[Any] = [applicant]
        school = self.find(School, applicant.school_id or "")
        if approve and school is not None and school.approve(str(caller.id), str(applicant.id)):
            changed.append(school)
        self.save(*changed)
        return applicant

    def issue_region_admin(self, username: str, password: str, display_name: str, region_id: str) -> Account:
        """The province admin issues a region's admin account."""
        access.require(self.caller(), "province_admin")
        region = self._region(region_id)
        return self._open(username, password, display_name, "region_admin", str(region.id), None)

    def issue_judge(self, username: str, password: str, display_name: str, region_id: str = "",
                    school_id: str = "", expertise: tuple[str, ...] = (), declared_persons: tuple[str, ...] = ()) -> Account:
        """The province admin issues a judge account with its affiliation (region, school), expertise and
        the persons the judge declares they know."""
        access.require(self.caller(), "province_admin")
        region = self._region(region_id) if region_id else None
        school = self.find(School, school_id) if school_id else None
        if school_id and school is None:
            raise refusals.not_found("学校", "School")
        if school is not None and region is not None and school.region_id != str(region.id):
            raise refusals.school_outside_region()
        categories = [c.code for c in self.edition().rules.categories]
        profile = (str(region.id) if region else (school.region_id if school else None),
                   str(school.id) if school else None,
                   validation.expertise(list(expertise), categories), validation.declared_persons(list(declared_persons)))
        return self._open(username, password, display_name, "judge", None, None, judge_profile=profile)

    def get_account(self, account_id: str) -> Account:
        """An account the caller may see (others are reported as missing)."""
        caller = access.require(self.caller(), *ROLES)
        account = self.find(Account, account_id)
        if account is None or not access.may_read(caller, account):
            raise refusals.not_found("账号", "Account")
        return account

    def list_accounts(self, role: str = "", region_id: str = "", status: str = "") -> list[Account]:
        """Accounts the caller may see (admins, auditors), optionally filtered, by username."""
        caller = access.require(self.caller(), "province_admin", "auditor", "region_admin", "school_admin")
        if role and role not in ROLES:
            raise refusals.unknown_role()
        if status and status not in STATUSES:
            raise refusals.unknown_status()
        held = {**access.list_scope(caller, region_id), "role": role, "status": status}
        keep = [a for a in self.all(Account) if all(not v or getattr(a, k) == v for k, v in held.items())]
        return sorted(keep, key=lambda a: a.username)

    def suspend_account(self, account_id: str, reason: str) -> Account:
        """The province admin suspends an account (not their own), saying why."""
        caller = access.require(self.caller(), "province_admin")
        account = self._account(account_id)
        if account.id == caller.id:
            raise refusals.not_yourself()
        account.suspend(str(caller.id), validation.reason(reason))
        self.save(account)
        return account

    def reactivate_account(self, account_id: str) -> Account:
        caller = access.require(self.caller(), "province_admin")
        account = self._account(account_id)
        account.reactivate(str(caller.id))
        self.save(account)
        return account

    def change_password(self, current: str, new: str) -> Account:
        """The caller changes their own password, proving the current one."""
        caller = access.require(self.caller(), *ROLES)
        if not caller.check_password(current):
            raise refusals.wrong_password()
        caller.change_password(str(caller.id), validation.password(new, caller.username), reset=False)
        self.save(caller)
        return caller

    def reset_password(self, account_id: str, new: str) -> Account:
        """An admin whose scope holds the account sets a new password for it (a forgotten one)."""
        caller = access.require(self.caller(), "province_admin", "region_admin", "school_admin")
        account = self._account(account_id)
        if not access.may_reset(caller, account):
            raise refusals.forbidden()
        account.change_password(str(caller.id), validation.password(new, account.username), reset=True)
        self.save(account)
        return account

    # -- helpers -----------------------------------------------------------------------------------------
    def _open(self, username: str, password: str, display_name: str, role: str, region_id: str | None,
              school_id: str | None, *also: Any, judge_profile: tuple[Any, ...] | None = None) -> Account:
        name = validation.username(username)
        password, shown = validation.password(password, name), validation.display_name(display_name)
        if self.find(Account, ids.account_id(name)) is not None:
            raise refusals.username_taken()
        account = Account.open(self.edition().edition, name, password, shown, role, region_id, school_id)
        if judge_profile is not None:
            account.record_judge_profile(*judge_profile)
        try:
            self.save(*also, account)  # a new school is registered before its admin's account opens
        except RecordConflictError:
            if self.find(Account, account.id) is not None:  # the same username, registered a moment ago
                raise refusals.username_taken() from None
            raise  # another aggregate (a new school) saved first: the command is tried again (festival_kit.rpc)
        return account

    def _account(self, account_id: str) -> Account:
        account = self.find(Account, account_id)
        if account is None:
            raise refusals.not_found("账号", "Account")
        return account

    def _region(self, region_id: str) -> Region:
        region = self.find(Region, region_id)
        if region is None:
            raise refusals.not_found("地区", "Region")
        return region
