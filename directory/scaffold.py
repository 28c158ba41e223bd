"""`directory new`: a commented, valid skeleton so contributors start from something that passes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .model import FOLDERS

_TYPE_BLOCKS = {
    "app": """\
# Where to get the app. Keep only the stores it is really in.
app:
  platforms:
    android: https://play.google.com/store/apps/details?id=org.example.app
    # ios: https://apps.apple.com/app/id000000000
    # web: https://app.example.org/
""",
    "podcast": """\
# The podcast's RSS feed and, optionally, its pages on listening platforms.
podcast:
  feed: https://example.org/podcast/feed.xml
  # platforms:
  #   spotify: https://open.spotify.com/show/...
""",
    "course": """\
# online, in-person or hybrid; CEFR levels it covers; whether there is a certificate.
course:
  format: online
  levels: [A1, A2]
  certificate: false
""",
    "group": """\
# Platform: telegram, whatsapp, facebook, signal, viber, discord, linkedin or other.
# join: the public invite link, or on-request if people join through a contact.
group:
  platform: telegram
  join: on-request
  moderated: true
  # rules_url: https://example.org/group-rules
""",
    "website": "",
}

_TEMPLATE = """\
# yaml-language-server: $schema={schema}
# A new {type}. Replace every example value; remove optional fields you do not know.
# Check it with: directory validate {path}

# Lowercase letters, digits and hyphens; the same as the file name.
id: {id}
type: {type}
# The name as the resource calls itself. For names in several languages use a map:
#   name: {{en: Welcome to Antwerp, nl: Welkom in Antwerpen}}
name: {title}
# What it offers and for whom, in plain text (at most 500 characters), one line per
# language. Add as many languages as you can: en, ru, kk, uk, ar, fa, de, tr ...
# No e-mail addresses or phone numbers of people.
summary:
  en: One or two sentences about what this resource offers and who it is for.
# The main address; must start with https://
url: https://www.example.org/{id}
# Languages the resource itself is available in (BCP 47 tags: de, ar, prs, uk, pt-BR).
languages: [en]
# Optional: communities it is made for (country codes like UA, SY, AF). Leave out if for everyone.
# nationalities: [UA]
# Where it is useful: global, a country (DE) or a state/city code (DE-BE, KZ-75).
regions: [global]
# What it helps with: first-steps, language, work, education, housing, health,
# mental-health, legal, family, money, digital-skills, community, culture, emergency
topics: [first-steps]
# free, freemium (free with paid extras) or paid
cost: free
# Optional: the organisation behind it.
# provider:
#   name: Example Organisation
#   url: https://www.example.org/
# The date you checked this entry (YYYY-MM-DD).
last_reviewed: {today}
{block}"""


def skeleton(kind: str, entry_id: str, entries_dir: Path, today: date) -> tuple[Path, str]:
    """Path and text of a new entry; the caller decides whether to write it."""
    path = entries_dir / FOLDERS[kind] / f"{entry_id}.yml"
    schema = Path("../../schemas/entry.schema.json").as_posix()
    title = entry_id.replace("-", " ").title()
    text = _TEMPLATE.format(schema=schema, type=kind, id=entry_id, title=title,
                            today=today.isoformat(), block=_TYPE_BLOCKS[kind],
                            path=path.as_posix())
    return path, text
