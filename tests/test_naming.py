"""The naming contract that tests outside this repo rely on."""

from __future__ import annotations

import pytest

from generator.naming import Namespace, pascal, snake


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("AppointmentAgent", "appointment_agent"),
        ("SetActivityStatus", "set_activity_status"),
        ("GetUIDFromAppointmentId", "get_uid_from_appointment_id"),
        ("EMailAgent", "e_mail_agent"),
        ("MDOAgent", "mdo_agent"),
        ("appointmentEntityId", "appointment_entity_id"),
        ("$select", "select"),
        ("$orderBy", "order_by"),
        ("SaveImage_POST", "save_image_post"),
        ("odata.nextLink", "odata_next_link"),
        ("_Links", "links"),
        ("Number1", "number1"),
        ("class", "class_"),
        ("from", "from_"),
        ("1stPlace", "field_1st_place"),
        ("Text\\Path", "text_path"),
        ("", "value"),
        ("ø", "value"),
    ],
)
def test_snake(name: str, expected: str) -> None:
    assert snake(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("AppointmentEntity", "AppointmentEntity"),
        ("odata.response", "OdataResponse"),
        ("None", "None_"),
        ("1x", "field_1x"),
    ],
)
def test_pascal(name: str, expected: str) -> None:
    assert pascal(name) == expected


def test_namespace_hands_out_unique_names() -> None:
    names = Namespace({"self"})
    assert [names.claim(n) for n in ["self", "a", "a", "a"]] == ["self_2", "a", "a_2", "a_3"]
