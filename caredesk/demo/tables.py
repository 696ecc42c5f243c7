"""Small hand-written tables the demo data set draws from.

Written here rather than taken from Faker: Faker is a test-only dependency, and a table we own
keeps the data set identical across library upgrades (same seed, same data, forever). Phone
numbers use the 555-01XX range reserved for fiction, emails the reserved example.* domains.
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES_EN = _words(
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy "
    "Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew "
    "Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Dorothy George Melissa Timothy "
    "Deborah Ronald Stephanie Edward Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob "
    "Kathleen Gary Amy Nicholas Angela Eric Shirley Jonathan Anna Stephen Brenda Larry Pamela "
    "Justin Emma "
    "Scott Nicole Brandon Helen Benjamin Samantha Samuel Katherine Gregory Christine Alexander "
    "Debra Frank Rachel Patrick Carolyn Raymond Janet Jack Catherine Dennis Maria Jerry Heather "
    "Tyler Diane Aaron Ruth Jose Julie Adam Olivia Nathan Joyce Henry Virginia Douglas Victoria "
    "Zachary Kelly Peter Lauren Kyle Christina Ethan Joan Walter Evelyn Noah Judith Jeremy Megan "
    "Christian Andrea Keith Cheryl Roger Hannah Terry Jacqueline Gerald Martha Harold Gloria Sean "
    "Teresa Austin Ann Carl Sara Arthur Madison Lawrence Frances Dylan Kathryn Jesse Janice Jordan "
    "Jean Bryan Abigail Billy Alice Joe Judy Bruce Sophia Gabriel Grace Logan Denise Albert Amber "
    "Willie Doris Alan Marilyn Juan Danielle Wayne Beverly Elijah Isabella Randy Theresa Roy Diana "
    "Vincent Natalie Ralph Brittany Eugene Charlotte Russell Marie Bobby Kayla Mason Alexis Philip "
    "Lori Wei Priya Aisha Kenji Mei Arjun Fatima Omar Nguyen Hiroshi Leila Ravi Soo-jin Tariq"
)

FIRST_NAMES_ES = _words(
    "José Juan Luis Carlos Jorge Miguel Francisco Antonio Manuel Pedro Alejandro Javier Ricardo "
    "Fernando Roberto Eduardo Sergio Andrés Raúl Diego Mario Héctor Alberto Óscar Rafael María "
    "Guadalupe Rosa Ana Carmen Josefina Teresa Verónica Patricia Leticia Gabriela Adriana Claudia "
    "Elena Sofía Lucía Valentina Isabel Alejandra Daniela Mariana Paola Yolanda Silvia Beatriz "
    "Marisol Catalina Camila Ximena Dolores Esperanza Jesús Ramón Emilio Tomás Iván Ángel"
)

LAST_NAMES_EN = _words(
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Jackson "
    "Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott "
    "Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans "
    "Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Peterson Cooper Reed Bailey Bell "
    "Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray James Hughes Price Sanders "
    "Myers Long Ross Foster Powell Jenkins Perry Russell Sullivan Fisher Henderson Coleman "
    "Simmons Patterson Jordan Reynolds Hamilton Graham Wallace West Cole Hayes Bryant Gibson "
    "Ellis Stevens Murray Ford Marshall Owens McDonald Harrison Kennedy Wells Alexander Tucker "
    "Porter Hunter Hicks Crawford Henry Boyd Mason Kennedy Warren Dixon Burns Gordon Shaw Holmes "
    "Rice Robertson Hunt Black Daniels Palmer Mills Nichols Grant Knight Ferguson Stone Hawkins "
    "Dunn Perkins Hudson Spencer Gardner Stephens Payne Pierce Berry Matthews Arnold Wagner "
    "Willis Ray Watkins Olson Carroll Duncan Snyder Hart Cunningham Bradley Lane Andrews Ruiz "
    "Harper Fox Riley Armstrong Carpenter Weaver Greene Lawrence Elliott Chavez Sims Austin Peters "
    "Kelley Franklin Lawson Fields Ryan Schmidt Chen Wang Li Zhang Liu Patel Shah Kim Park Nguyen "
    "Tran Pham Singh Kaur Khan Ali Ahmed Hassan Tanaka Sato Suzuki Cohen Levy Novak Kowalski"
)

LAST_NAMES_ES = _words(
    "García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres Flores "
    "Rivera Gómez Díaz Reyes Morales Cruz Ortiz Gutiérrez Chávez Ramos Ruiz Álvarez Mendoza "
    "Castillo Jiménez Vásquez Moreno Romero Herrera Medina Aguilar Vargas Castro Guzmán Fernández "
    "Muñoz Salazar Rojas Ortega Delgado Vega Contreras Soto Estrada Figueroa Navarro Domínguez "
    "Ríos Cabrera Campos Sandoval Fuentes Cortés Peña Acosta Ibarra Molina Espinoza Valdez"
)

# (city, state, ZIP prefix, IANA time zone, area codes)
CITIES: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    ("New York", "NY", "100", "America/New_York", ("212", "646", "718", "917")),
    ("Buffalo", "NY", "142", "America/New_York", ("716",)),
    ("Philadelphia", "PA", "191", "America/New_York", ("215", "267")),
    ("Pittsburgh", "PA", "152", "America/New_York", ("412",)),
    ("Boston", "MA", "021", "America/New_York", ("617", "857")),
    ("Newark", "NJ", "071", "America/New_York", ("973", "862")),
    ("Baltimore", "MD", "212", "America/New_York", ("410", "443")),
    ("Washington", "DC", "200", "America/New_York", ("202",)),
    ("Richmond", "VA", "232", "America/New_York", ("804",)),
    ("Charlotte", "NC", "282", "America/New_York", ("704", "980")),
    ("Raleigh", "NC", "276", "America/New_York", ("919", "984")),
    ("Atlanta", "GA", "303", "America/New_York", ("404", "678", "470")),
    ("Miami", "FL", "331", "America/New_York", ("305", "786")),
    ("Orlando", "FL", "328", "America/New_York", ("407", "321")),
    ("Tampa", "FL", "336", "America/New_York", ("813",)),
    ("Columbus", "OH", "432", "America/New_York", ("614",)),
    ("Cleveland", "OH", "441", "America/New_York", ("216",)),
    ("Detroit", "MI", "482", "America/Detroit", ("313",)),
    ("Indianapolis", "IN", "462", "America/Indiana/Indianapolis", ("317",)),
    ("Chicago", "IL", "606", "America/Chicago", ("312", "773", "872")),
    ("Milwaukee", "WI", "532", "America/Chicago", ("414",)),
    ("Minneapolis", "MN", "554", "America/Chicago", ("612",)),
    ("St. Louis", "MO", "631", "America/Chicago", ("314",)),
    ("Kansas City", "MO", "641", "America/Chicago", ("816",)),
    ("Nashville", "TN", "372", "America/Chicago", ("615", "629")),
    ("Memphis", "TN", "381", "America/Chicago", ("901",)),
    ("New Orleans", "LA", "701", "America/Chicago", ("504",)),
    ("Houston", "TX", "770", "America/Chicago", ("713", "281", "832")),
    ("Dallas", "TX", "752", "America/Chicago", ("214", "469", "972")),
    ("San Antonio", "TX", "782", "America/Chicago", ("210",)),
    ("Austin", "TX", "787", "America/Chicago", ("512", "737")),
    ("El Paso", "TX", "799", "America/Denver", ("915",)),
    ("Denver", "CO", "802", "America/Denver", ("303", "720")),
    ("Albuquerque", "NM", "871", "America/Denver", ("505",)),
    ("Salt Lake City", "UT", "841", "America/Denver", ("801", "385")),
    ("Phoenix", "AZ", "850", "America/Phoenix", ("602", "480", "623")),
    ("Tucson", "AZ", "857", "America/Phoenix", ("520",)),
    ("Las Vegas", "NV", "891", "America/Los_Angeles", ("702", "725")),
    ("Los Angeles", "CA", "900", "America/Los_Angeles", ("213", "310", "323", "818")),
    ("San Diego", "CA", "921", "America/Los_Angeles", ("619", "858")),
    ("San Francisco", "CA", "941", "America/Los_Angeles", ("415", "628")),
    ("Sacramento", "CA", "958", "America/Los_Angeles", ("916",)),
    ("Fresno", "CA", "937", "America/Los_Angeles", ("559",)),
    ("Portland", "OR", "972", "America/Los_Angeles", ("503", "971")),
    ("Seattle", "WA", "981", "America/Los_Angeles", ("206",)),
    ("Anchorage", "AK", "995", "America/Anchorage", ("907",)),
    ("Honolulu", "HI", "968", "Pacific/Honolulu", ("808",)),
)

STREETS = (
    "Main St Oak Ave Maple Dr Cedar Ln Pine St Elm St Washington Ave Lake Rd Hill St Park Ave "
    "Sunset Blvd River Rd Church St Walnut St Spring St Highland Ave Lincoln Ave Jefferson St "
    "Madison Ave Franklin St Chestnut St Willow Way Birch Ct Magnolia Dr Dogwood Ln Forest Ave "
    "Meadow Ln Ridge Rd Valley View Dr Prospect St Mill Rd Center St Broadway Market St "
    "Cherry St Poplar Ave Sycamore St Harbor Dr Bayview Ave Mission St Alamo Dr Palmetto Ave"
)
STREET_NAMES = tuple(
    " ".join(pair) for pair in zip(STREETS.split()[0::2], STREETS.split()[1::2], strict=True)
)

EMAIL_DOMAINS = ("example.com", "example.net", "example.org", "mail.example.com")

PHARMACY_NAMES = (
    "Oakridge Pharmacy",
    "Main Street Drug",
    "CareWell Pharmacy",
    "Riverside Apothecary",
    "Family Health Pharmacy",
    "Sunrise Drugs",
    "Village Pharmacy",
    "Community Rx",
    "Harbor Pharmacy",
    "Greenleaf Pharmacy",
    "Farmacia La Familia",
    "Northside Pharmacy",
)
CLINIC_NAMES = (
    "Family Medicine Associates",
    "Lakeside Primary Care",
    "Diabetes & Endocrine Center",
    "Heart and Vascular Clinic",
    "Clínica Comunitaria",
    "Pediatric Partners",
    "Internal Medicine Group",
    "Urgent Care Express",
)
HOSPITAL_NAMES = ("General Hospital", "Regional Medical Center", "St. Luke's Hospital")
DISTRIBUTOR_NAMES = ("Continental Health Distribution", "MedSupply Logistics")
