from __future__ import annotations

import asyncio

from dlrkit import mailersend
from dlrkit_servers import ReferenceServer

from overlay.mailersend.support import TOKEN, close


def test_get_returns_the_object_inside_data(server: ReferenceServer) -> None:
    """get_sms_message and get_sms_recipient return the model inside MailerSend's envelope."""
    client = mailersend.client(TOKEN, app=server.app)
    try:
        message_id = server.sample_ids["get_sms_message"][0]
        recipient_id = server.sample_ids["get_sms_recipient"][0]
        message = mailersend.get_sms_message(client, message_id)
        recipient = mailersend.get_sms_recipient(client, recipient_id)
    finally:
        close(client)
    assert (message.id, len(message.sms) > 1, bool(message.sms_activity)) == (
        message_id,
        True,
        True,
    )
    assert (recipient.id, bool(recipient.sms)) == (recipient_id, True)


def test_update_changes_what_later_reads_see(fresh_server: ReferenceServer) -> None:
    """update_sms_recipient sets the status, and reads and filters then see the new one."""
    recipient_id = fresh_server.sample_ids["get_sms_recipient"][0]
    client = mailersend.client(TOKEN, app=fresh_server.app)
    try:
        updated = mailersend.update_sms_recipient(client, recipient_id, "opt_out")
        again = mailersend.get_sms_recipient(client, recipient_id)
        opted = {r.id for r in mailersend.iter_sms_recipients(client, status="opt_out")}
    finally:
        close(client)
    assert (str(updated.status), str(again.status)) == ("opt_out", "opt_out")
    assert recipient_id in opted

    async def run() -> str:
        async with client:
            back = await mailersend.aupdate_sms_recipient(client, recipient_id, "active")
            return str(back.status)

    assert asyncio.run(run()) == "active"
