"""General-purpose Spanish data for the generator.

Everything here is about Spanish and the world in general (months, number words, countries,
demonyms, historic states, trigger words). Nothing here names anything from a particular text:
the generator must do as well on a text it has never seen.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from functools import cache, lru_cache

MONTHS = {
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
}
MONTH_NAMES = [
    "",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
WEEKDAYS = {"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"}

# Words text2num understands, used to find number-word spans ("tres", "quinientas mil").
NUMBER_WORDS = [
    "cero",
    "un",
    "una",
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "dieciseis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "veintiuno",
    "veintiuna",
    "veintidós",
    "veintitrés",
    "veinticuatro",
    "veinticinco",
    "veintiséis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
    "treinta",
    "cuarenta",
    "cincuenta",
    "sesenta",
    "setenta",
    "ochenta",
    "noventa",
    "cien",
    "ciento",
    "doscientos",
    "doscientas",
    "trescientos",
    "trescientas",
    "cuatrocientos",
    "cuatrocientas",
    "quinientos",
    "quinientas",
    "seiscientos",
    "seiscientas",
    "setecientos",
    "setecientas",
    "ochocientos",
    "ochocientas",
    "novecientos",
    "novecientas",
    "mil",
    "millón",
    "millones",
]
NUMBER_WORD_SET = set(NUMBER_WORDS)
# Small numbers written as words when the source wrote them as words.
UNITS_WORDS = {
    1: "un",
    2: "dos",
    3: "tres",
    4: "cuatro",
    5: "cinco",
    6: "seis",
    7: "siete",
    8: "ocho",
    9: "nueve",
    10: "diez",
    11: "once",
    12: "doce",
    13: "trece",
    14: "catorce",
    15: "quince",
    16: "dieciséis",
    17: "diecisiete",
    18: "dieciocho",
    19: "diecinueve",
    20: "veinte",
    30: "treinta",
    40: "cuarenta",
    50: "cincuenta",
    60: "sesenta",
    70: "setenta",
    80: "ochenta",
    90: "noventa",
    100: "cien",
    200: "doscientos",
    300: "trescientos",
    400: "cuatrocientos",
    500: "quinientos",
}

# Time units: singular -> plural; a duration is a quantity with one of these units.
TIME_UNITS = {
    "segundo": "segundos",
    "minuto": "minutos",
    "hora": "horas",
    "día": "días",
    "semana": "semanas",
    "mes": "meses",
    "año": "años",
    "década": "décadas",
    "siglo": "siglos",
    "milenio": "milenios",
}
TIME_UNIT_FORMS = {
    **{s: s for s in TIME_UNITS},
    **{p: s for s, p in TIME_UNITS.items()},
}
FEMININE_UNITS = {
    "hora",
    "semana",
    "década",
    "tonelada",
    "milla",
    "persona",
    "hectárea",
}

# Unit symbols and words that may follow a number.
UNIT_SYMBOLS = [
    "°C",
    "°F",
    "ºC",
    "ºF",
    "°",
    "%",
    "m³/s",
    "km³",
    "m³",
    "km²",
    "km2",
    "km/h",
    "km",
    "kg",
    "cm",
    "mm",
    "m²",
    "m",
    "ha",
    "t",
    "MW",
    "kW",
    "€",
    "$",
]
UNIT_WORDS = {
    "por ciento": "%",
    "kilómetros cuadrados": "km²",
    "kilómetros": "km",
    "kilómetro": "km",
    "metros": "m",
    "metro": "m",
    "millas": "millas",
    "milla": "millas",
    "grados": "°",
    "toneladas": "t",
    "kilogramos": "kg",
    "hectáreas": "ha",
    "dólares": "dólares",
    "euros": "euros",
    "pesetas": "pesetas",
}
# Counted nouns that make a bare number a quantity ("500.000 soldados").
COUNTED_NOUN_HINT = re.compile(r"^[a-záéíóúñü]{3,}s$")

# Approximation markers before a quantity, with the direction that stays true.
APPROX_MARKERS = {
    "más de": "more",
    "menos de": "less",
    "al menos": "more",
    "por lo menos": "more",
    "casi": "about",
    "cerca de": "about",
    "alrededor de": "about",
    "en torno a": "about",
    "aproximadamente": "about",
    "unos": "about",
    "unas": "about",
    "apenas": "about",
    "poco más de": "about",
    "poco menos de": "about",
}

# Function words that are capitalised only because they start a sentence.
SENTENCE_INITIAL_STOP = {
    "a",
    "al",
    "ante",
    "bajo",
    "cabe",
    "con",
    "contra",
    "de",
    "del",
    "desde",
    "durante",
    "en",
    "entre",
    "hacia",
    "hasta",
    "mediante",
    "para",
    "por",
    "según",
    "sin",
    "so",
    "sobre",
    "tras",
    "y",
    "e",
    "o",
    "u",
    "ni",
    "que",
    "pero",
    "sino",
    "aunque",
    "mientras",
    "cuando",
    "como",
    "donde",
    "cuyo",
    "el",
    "la",
    "los",
    "las",
    "lo",
    "un",
    "una",
    "unos",
    "unas",
    "este",
    "esta",
    "estos",
    "estas",
    "ese",
    "esa",
    "esos",
    "esas",
    "aquel",
    "aquella",
    "aquellos",
    "aquellas",
    "su",
    "sus",
    "mi",
    "mis",
    "tu",
    "tus",
    "nuestro",
    "nuestra",
    "nuestros",
    "nuestras",
    "ambos",
    "ambas",
    "después",
    "antes",
    "luego",
    "entonces",
    "además",
    "también",
    "tampoco",
    "embargo",
    "aproximadamente",
    "casi",
    "hoy",
    "ayer",
    "mañana",
    "allí",
    "aquí",
    "ahí",
    "así",
    "tal",
    "cada",
    "otro",
    "otra",
    "otros",
    "otras",
    "varios",
    "varias",
    "muchos",
    "muchas",
    "pocos",
    "pocas",
    "algunos",
    "algunas",
    "todos",
    "todas",
    "ninguno",
    "ninguna",
    "se",
    "le",
    "les",
    "él",
    "ella",
    "ellos",
    "ellas",
    "esto",
    "eso",
    "aquello",
    "ya",
    "aún",
    "no",
    "sí",
    "más",
    "menos",
    "muy",
    "inicialmente",
    "finalmente",
    "posteriormente",
}

# Capitalised common nouns in fixed expressions ("golpe de Estado", "la Iglesia").
CAPITALISED_COMMON = {
    "Estado",
    "Estados",
    "Iglesia",
    "Rey",
    "Reina",
    "Gobierno",
    "Papa",
    "Corona",
    "Ejército",
    "Armada",
    "Constitución",
    "Parlamento",
    "Congreso",
    "Senado",
    "Historia",
    "Edad",
    "Norte",
    "Sur",
    "Este",
    "Oeste",
    "Dios",
}

# Words that announce another name for the preceding entity ("también conocida como").
ALIAS_PATTERN_WORDS = [
    "conocida",
    "conocido",
    "conocidas",
    "conocidos",
    "llamada",
    "llamado",
    "denominada",
    "denominado",
]

ARTICLES = {"el", "la", "los", "las"}
# Words after «entre» that are the whole pair or group («entre sí», «entre ellos», «entre ambos», «entre otros»): no
# «y» of a second member is to come.
WHOLE_AFTER_ENTRE = (
    "sí", "ellos", "ellas", "otros", "otras", "otro", "otra", "estos", "estas", "ambos", "ambas", "unos", "unas",
)  # fmt: skip
# What only a person has, folded («su muerte», «sus hijos», «su reinado», «sus restos», «su autorretrato»): a
# possessive of one of these is never said of an event, a place, an institution or a thing.
PERSONAL_NOUNS = frozenset(
    {"autorretrato", "retrato", "padre", "madre", "padres", "esposa", "esposo", "mujer", "marido", "viuda", "viudo"}
    | {"hijo", "hija", "hijos", "hijas", "hermano", "hermana", "hermanos", "hermanas", "familia", "amigo", "amiga"}
    | {"amigos", "maestro", "discipulo", "nacimiento", "infancia", "juventud", "vida", "muerte", "restos", "tumba"}
    | {"reinado", "mandato", "carrera", "testamento", "matrimonio", "boda", "obra", "obras", "novela", "diario"}
    | {"memorias", "poderes"}
)
# Classes of people by the roles the text gives them («el general X», «el químico Y»). General Spanish role nouns.
ROLE_CLASSES = {
    "military": {"general", "almirante", "mariscal", "coronel", "capitán", "comandante", "teniente", "oficial"}
    | {"brigadier", "caudillo", "conquistador", "militar"},
    "ruler": {"rey", "reina", "emperador", "emperatriz", "zar", "zarina", "sultán", "faraón", "príncipe", "princesa"}
    | {"archiduque", "archiduquesa", "monarca", "káiser", "inca", "emir", "califa", "infante", "infanta"},
    "church": {"papa", "obispo", "arzobispo", "cardenal", "fray", "sacerdote", "cura", "monje", "pontífice"},
    "science": {"químico", "química", "físico", "física", "científico", "científica", "médico", "médica", "biólogo"}
    | {"bacteriólogo", "matemático", "astrónomo", "ingeniero", "naturalista", "geólogo", "inventor", "investigador"},
    "arts": {"pintor", "pintora", "escultor", "escultora", "escritor", "escritora", "poeta", "poetisa", "arquitecto"}
    | {"fotógrafo", "fotógrafa", "compositor", "compositora", "músico", "novelista", "dramaturgo", "artista"},
    "politics": {"presidente", "presidenta", "canciller", "ministro", "ministra", "diputado", "político", "política"}
    | {"gobernador", "virrey", "diplomático", "embajador", "senador", "cónsul", "dirigente", "líder", "jedive"},
}
CONNECTORS = {"de", "del", "de la", "de los", "de las"}

# Geographic trigger words kept as part of the name ("istmo de X", "lago X") -> subtype.
GEO_TRIGGERS = {
    "istmo": "isthmus",
    "lago": "lake",
    "laguna": "lake",
    "río": "river",
    "golfo": "gulf",
    "mar": "sea",
    "océano": "ocean",
    "cabo": "cape",
    "península": "peninsula",
    "monte": "mountain",
    "montes": "mountain",
    "sierra": "mountain",
    "cordillera": "mountain",
    "volcán": "mountain",
    "isla": "island",
    "islas": "island",
    "archipiélago": "island",
    "estrecho": "strait",
    "bahía": "bay",
    "desierto": "desert",
    "canal": "canal",
    "valle": "valley",
    "llanura": "plain",
    "bosque": "forest",
    "cerro": "mountain",
    "colina": "mountain",
}
# Classifier words before a place that tell its subtype but are not part of its name.
PLACE_CLASSIFIERS = {
    "ciudad": "city",
    "capital": "city",
    "pueblo": "city",
    "villa": "city",
    "localidad": "city",
    "aldea": "city",
    "puerto": "city",
    "región": "region",
    "provincia": "region",
    "comarca": "region",
    "departamento": "region",
    "territorio": "region",
    "país": "country",
}
# Foreign trailing geographic words sometimes left untranslated.
FOREIGN_GEO_TAILS = {"Road": "road", "River": "river", "Lake": "lake", "Street": "road"}

# Head words of event and organisation names -> (kind, subtype).
EVENT_HEADS = {
    "Guerra": "war",
    "Batalla": "battle",
    "Sitio": "battle",
    "Asedio": "battle",
    "Tratado": "treaty",
    "Pacto": "treaty",
    "Acuerdo": "treaty",
    "Acuerdos": "treaty",
    "Armisticio": "treaty",
    "Convenio": "treaty",
    "Paz": "period",
    "Operación": "operation",
    "Ofensiva": "operation",
    "Campaña": "operation",
    "Invasión": "operation",
    "Desembarco": "operation",
    "Revolución": "revolution",
    "Rebelión": "revolution",
    "Levantamiento": "revolution",
    "Golpe": "revolution",
    "Conferencia": "conference",
    "Congreso": "conference",
    "Cumbre": "conference",
    "Concilio": "conference",
    "Crisis": "crisis",
    "Masacre": "massacre",
    "Matanza": "massacre",
    "Bombardeo": "battle",
    "Reconquista": "period",
    "Renacimiento": "period",
    "Ilustración": "period",
    "Restauración": "period",
    "Transición": "period",
    "Guerras": "war",
    "Cruzada": "war",
    "Declaración": "treaty",
    "Protocolo": "treaty",
    "Decreto": "document",
    "Decretos": "document",
    "Ley": "document",
    "Leyes": "document",
    "Manifiesto": "document",
    "Carta": "document",
    "Edicto": "document",
    "Bula": "document",
    "Constitución": "document",
    "Código": "document",
    "Estatuto": "document",
    "Capitulación": "document",
    "Capitulaciones": "document",
}
ORG_HEADS = {
    "Sociedad": "international",
    "Eje": "international",
    "Liga": "international",
    "Organización": "international",
    "Naciones": "international",
    "Comunidad": "international",
    "Alianza": "international",
    "Ejército": "military",
    "Armada": "military",
    "Fuerza": "military",
    "Fuerzas": "military",
    "Marina": "military",
    "Brigadas": "military",
    "Legión": "military",
    "Partido": "party",
    "Frente": "party",
    "Movimiento": "party",
    "Gobierno": "government",
    "Consejo": "government",
    "Comité": "government",
    "Junta": "government",
    "Asamblea": "government",
    "Parlamento": "government",
    "Cortes": "government",
    "Senado": "government",
    "Ministerio": "government",
    "Tribunal": "court",
    "Corte": "court",
    "Universidad": "education",
    "Academia": "education",
    "Instituto": "education",
    "Banco": "company",
    "Compañía": "company",
    "Empresa": "company",
    "Iglesia": "religious",
    "Orden": "religious",
}
# Head words of states and territories ("República Federal de Alemania", "Corona de Aragón", "Imperio incaico").
STATE_HEAD_WORDS = {
    "Imperio", "Reino", "Califato", "Sultanato", "Principado", "Ducado", "Condado", "República", "Corona",
    "Virreinato", "Capitanía", "Confederación", "Federación", "Emirato", "Protectorado", "Mancomunidad",
}  # fmt: skip
# Head words of buildings and works of engineering ("Muro de Berlín", "Canal de Suez", "Museo del Prado").
LANDMARK_HEADS = {
    "Muro", "Canal", "Puente", "Palacio", "Catedral", "Torre", "Castillo", "Monasterio", "Templo", "Museo",
    "Basílica", "Alcázar", "Fortaleza", "Presa", "Acueducto", "Muralla", "Puerta", "Plaza",
}  # fmt: skip
# Lowercase heads of descriptive organisation names ("gobierno republicano español").
LOWER_ORG_HEADS = {"gobierno", "ejército", "régimen", "partido", "parlamento", "marina"}

# Titles that announce a person ("el canciller alemán X").
PERSON_TITLES = {
    "canciller",
    "presidente",
    "presidenta",
    "rey",
    "reina",
    "príncipe",
    "princesa",
    "emperador",
    "emperatriz",
    "zar",
    "zarina",
    "papa",
    "general",
    "mariscal",
    "almirante",
    "coronel",
    "comandante",
    "capitán",
    "dictador",
    "ministro",
    "ministra",
    "primer",
    "líder",
    "dirigente",
    "escritor",
    "escritora",
    "poeta",
    "pintor",
    "pintora",
    "científico",
    "científica",
    "filósofo",
    "filósofa",
    "compositor",
    "compositora",
    "explorador",
    "navegante",
    "conquistador",
    "don",
    "doña",
    "san",
    "santa",
    "fray",
    "sir",
    "lord",
    "duque",
    "duquesa",
    "conde",
    "condesa",
    "marqués",
    "marquesa",
    "arzobispo",
    "obispo",
    "secretario",
    "secretaria",
    "embajador",
    "embajadora",
    "diplomático",
    "político",
    "política",
    "militar",
}
# Women's first names (general data): a person's sex when no article or role tells it; the other first names of
# FIRST_NAMES are men's.
FEMALE_FIRST_NAMES = {
    "Ada", "Agustina", "Ana", "Anne", "Antonia", "Beatriz", "Carlota", "Carmen", "Catalina", "Catherine", "Clara",
    "Cristina", "Dolores", "Dorothy", "Elena", "Elizabeth", "Emma", "Eva", "Florence", "Francisca", "Frida",
    "Gabriela", "Golda", "Indira", "Inés", "Irene", "Irène", "Isabel", "Jane", "Josefa", "Juana", "Julia", "Laura",
    "Leonor", "Lucía", "Luisa", "Manuela", "Margaret", "Margarita", "Mari", "María", "Mariana", "Marie", "Marta",
    "Mary", "Mercedes", "Rosa", "Rosalind", "Sofía", "Teresa", "Valentina", "Victoria",
}  # fmt: skip
# Common first names across Spanish-language and European history (used only to type a span).
FIRST_NAMES = {
    "Adolf",
    "Adolfo",
    "Albert",
    "Alberto",
    "Alejandro",
    "Alexander",
    "Alfonso",
    "Ana",
    "Antonio",
    "Benito",
    "Carlos",
    "Catalina",
    "Charles",
    "Cristóbal",
    "Diego",
    "Dwight",
    "Eduardo",
    "Elena",
    "Elizabeth",
    "Enrique",
    "Ernesto",
    "Federico",
    "Felipe",
    "Fernando",
    "Francisco",
    "Franklin",
    "Friedrich",
    "Gabriel",
    "George",
    "Harry",
    "Heinrich",
    "Hernán",
    "Hugo",
    "Isabel",
    "Iósif",
    "Jorge",
    "José",
    "Josef",
    "Joseph",
    "Juan",
    "Juana",
    "Julio",
    "Karl",
    "Lázaro",
    "Leon",
    "León",
    "Leonardo",
    "Lenin",
    "Luis",
    "Manuel",
    "Margaret",
    "María",
    "Miguel",
    "Napoleón",
    "Nicolás",
    "Otto",
    "Pablo",
    "Pedro",
    "Rafael",
    "Ramón",
    "Ricardo",
    "Rosa",
    "Salvador",
    "Simón",
    "Vladimir",
    "Vladímir",
    "Wilhelm",
    "Winston",
    "Benjamin",
    "Theodore",
    "Thomas",
    "William",
    "Iván",
    "Mijaíl",
    "Nikita",
    "Leonid",
    "Gustav",
    "Gustavo",
    "Carl",
    "Johan",
    "Emilio",
    "Francesc",
    "Dolores",
    "Indalecio",
}

# Historic states and common alternative names that pycountry does not know.
# Each entry: canonical name, aliases, demonym stems (masc. sg.), related names (never
# distractors for each other, treated as one alias group), article.
HISTORIC_STATES: list[dict] = [
    {
        "name": "Unión Soviética",
        "aliases": ["URSS", "Unión de Repúblicas Socialistas Soviéticas"],
        "demonyms": ["soviético"],
        "related": ["Ejército Rojo", "Rusia"],
        "article": "la",
    },
    {
        "name": "Imperio ruso",
        "aliases": ["Rusia zarista"],
        "demonyms": [],
        "related": ["Rusia"],
        "article": "el",
    },
    {
        "name": "Prusia",
        "aliases": [],
        "demonyms": ["prusiano"],
        "related": ["Alemania"],
        "article": "",
    },
    {
        "name": "Imperio otomano",
        "aliases": ["Imperio turco"],
        "demonyms": ["otomano"],
        "related": ["Turquía"],
        "article": "el",
    },
    {
        "name": "Imperio austrohúngaro",
        "aliases": ["Austria-Hungría"],
        "demonyms": ["austrohúngaro"],
        "related": ["Austria", "Hungría"],
        "article": "el",
    },
    {
        "name": "Yugoslavia",
        "aliases": [],
        "demonyms": ["yugoslavo"],
        "related": ["Serbia"],
        "article": "",
    },
    {
        "name": "Checoslovaquia",
        "aliases": [],
        "demonyms": ["checoslovaco"],
        "related": [],
        "article": "",
    },
    {
        "name": "Alemania nazi",
        "aliases": ["Tercer Reich"],
        "demonyms": ["nazi"],
        "related": ["Alemania", "Wehrmacht"],
        "article": "la",
    },
    {
        "name": "Imperio romano",
        "aliases": [],
        "demonyms": ["romano"],
        "related": ["Roma"],
        "article": "el",
    },
    {
        "name": "Imperio británico",
        "aliases": [],
        "demonyms": [],
        "related": ["Reino Unido"],
        "article": "el",
    },
    {
        "name": "Estados Unidos",
        "aliases": ["EE. UU.", "EE.UU.", "EUA"],
        "demonyms": ["estadounidense"],
        "related": [],
        "article": "",
    },
    {
        "name": "Reino Unido",
        "aliases": ["Gran Bretaña", "Inglaterra"],
        "demonyms": ["británico", "inglés"],
        "related": [],
        "article": "el",
    },
    {
        "name": "Rusia",
        "aliases": [],
        "demonyms": ["ruso"],
        "related": [],
        "article": "",
    },
    {
        "name": "Sacro Imperio Romano Germánico",
        "aliases": [],
        "demonyms": [],
        "related": [],
        "article": "el",
    },
]

# Demonym stems for modern countries (masc. sg. -> country); inflections are derived.
DEMONYMS = {
    "alemán": "Alemania",
    "argentino": "Argentina",
    "austriaco": "Austria",
    "austríaco": "Austria",
    "belga": "Bélgica",
    "boliviano": "Bolivia",
    "brasileño": "Brasil",
    "búlgaro": "Bulgaria",
    "canadiense": "Canadá",
    "checo": "Chequia",
    "chileno": "Chile",
    "chino": "China",
    "colombiano": "Colombia",
    "coreano": "Corea",
    "cubano": "Cuba",
    "danés": "Dinamarca",
    "ecuatoriano": "Ecuador",
    "egipcio": "Egipto",
    "escocés": "Escocia",
    "español": "España",
    "estonio": "Estonia",
    "finlandés": "Finlandia",
    "francés": "Francia",
    "griego": "Grecia",
    "holandés": "Países Bajos",
    "neerlandés": "Países Bajos",
    "húngaro": "Hungría",
    "indio": "India",
    "iraní": "Irán",
    "irlandés": "Irlanda",
    "israelí": "Israel",
    "italiano": "Italia",
    "japonés": "Japón",
    "letón": "Letonia",
    "lituano": "Lituania",
    "mexicano": "México",
    "noruego": "Noruega",
    "peruano": "Perú",
    "polaco": "Polonia",
    "portugués": "Portugal",
    "rumano": "Rumania",
    "serbio": "Serbia",
    "sueco": "Suecia",
    "suizo": "Suiza",
    "turco": "Turquía",
    "ucraniano": "Ucrania",
    "uruguayo": "Uruguay",
    "venezolano": "Venezuela",
}

# Countries that take an article in running text.
COUNTRY_ARTICLES = {
    "India": "la",
    "Reino Unido": "el",
    "Países Bajos": "los",
    "Emiratos Árabes Unidos": "los",
    "República Checa": "la",
    "República Dominicana": "la",
    "República Centroafricana": "la",
    "Santa Sede": "la",
}
HEAD_ARTICLES = {
    "Unión": "la",
    "República": "la",
    "Federación": "la",
    "Confederación": "la",
    "Reino": "el",
    "Imperio": "el",
    "Sacro": "el",
    "Países": "los",
    "Islas": "las",
    "Emiratos": "los",
}

# Major cities, in Spanish, to type spans and to offer as distractors for cities.
CITIES = {
    name.strip()
    for name in [
        "\n    Madrid",
        " Barcelona",
        " Valencia",
        " Sevilla",
        " Zaragoza",
        " Bilbao",
        " Málaga",
        " Lisboa",
        " Oporto",
        " París",
        " Marsella",
        "\n    Lyon",
        " Londres",
        " Mánchester",
        " Liverpool",
        " Edimburgo",
        " Dublín",
        " Bruselas",
        " Ámsterdam",
        " Rotterdam",
        " Berlín",
        "\n    Múnich",
        " Hamburgo",
        " Fráncfort",
        " Colonia",
        " Dresde",
        " Viena",
        " Praga",
        " Budapest",
        " Varsovia",
        " Cracovia",
        " Roma",
        "\n    Milán",
        " Nápoles",
        " Turín",
        " Florencia",
        " Venecia",
        " Atenas",
        " Estambul",
        " Ankara",
        " Bucarest",
        " Sofía",
        " Belgrado",
        "\n    Zagreb",
        " Copenhague",
        " Oslo",
        " Estocolmo",
        " Riga",
        " Tallin",
        " Vilna",
        " Minsk",
        " Kiev",
        " Odesa",
        " Moscú",
        " Jerusalén",
        "\n    Bagdad",
        " Damasco",
        " Beirut",
        " Teherán",
        " Nueva York",
        " Washington",
        " Chicago",
        " Boston",
        " Filadelfia",
        " Toronto",
        "\n    Montreal",
        " Guadalajara",
        " Bogotá",
        " Caracas",
        " Lima",
        " Quito",
        " Santiago de Chile",
        " Buenos Aires",
        " Montevideo",
        "\n    Asunción",
        " Río de Janeiro",
        " São Paulo",
        " Pekín",
        " Shanghái",
        " Tokio",
        " Hiroshima",
        " Nagasaki",
        " Seúl",
        "\n    Nueva Delhi",
        " Bombay",
        " Calcuta",
        " El Cairo",
        " Alejandría",
        " Argel",
        " Túnez",
        " Rabat",
        " Casablanca",
        " Ginebra",
        "\n    Zúrich",
        " Berna",
        " Granada",
        " Córdoba",
        " Toledo",
        " Salamanca",
        " Burgos",
        " Pamplona",
        " Oviedo",
        " Santander\n    ",
    ]
}

# Historic kingdoms and regions of Europe that texts name as places ("pertenecerían a Castilla").
HISTORIC_REGIONS_OF_EUROPE = [
    "Castilla", "Aragón", "León", "Navarra", "Cataluña", "Andalucía", "Galicia", "Asturias", "Extremadura",
    "Flandes", "Borgoña", "Baviera", "Sajonia", "Piamonte", "Lombardía", "Toscana", "Bohemia", "Silesia",
    "Alsacia", "Lorena", "Saboya", "Sicilia", "Cerdeña", "Bretaña", "Normandía", "Escocia", "Gales", "Provenza",
    "Aquitania", "Westfalia", "Hannover", "Holstein", "Schleswig", "Moravia", "Transilvania", "Valaquia", "Crimea",
    "Carelia", "Laponia", "Galitzia", "Tirol", "Dalmacia", "Macedonia", "Tracia", "Anatolia", "Palestina",
]  # fmt: skip
CONTINENTS = [
    "Europa",
    "Asia",
    "África",
    "América",
    "Oceanía",
    "Antártida",
    "América del Norte",
    "América del Sur",
    "Sudamérica",
    "Norteamérica",
    "Centroamérica",
]

# World regions (ISO 3166 alpha-2 codes), for wrong options of the answer's own region: a student choosing
# between Finland, Sweden and Norway is tested; between Finland, Peru and Japan is not.
REGION_CODES = {
    "europa occidental": "ES PT FR BE NL LU GB IE DE AT CH IT MT MC AD LI SM",
    "europa del norte": "DK NO SE FI IS EE LV LT",
    "europa oriental": "PL CZ SK HU RO BG RS HR SI BA ME MK AL GR UA BY MD RU",
    "oriente medio": "TR SY LB IL JO IQ IR SA KW BH QA AE OM YE AF CY",
    "norte de áfrica": "EG LY TN DZ MA SD MR",
    "áfrica subsahariana": "NG GH CI SN ML NE TD CM CD CG AO ZA ZW ZM MZ TZ KE UG ET SO RW MG NA BW",
    "asia oriental": "CN JP KR KP MN TW",
    "asia meridional": "IN PK BD LK NP",
    "sudeste asiático": "VN TH LA KH MM MY SG ID PH",
    "américa del norte": "US CA MX",
    "centroamérica y caribe": "GT BZ SV HN NI CR PA CU DO HT JM",
    "américa del sur": "CO VE EC PE BO CL AR UY PY BR",
    "oceanía": "AU NZ PG FJ",
}
# Historic states and their region.
HISTORIC_REGIONS = {
    "Unión Soviética": "europa oriental",
    "Imperio ruso": "europa oriental",
    "Prusia": "europa occidental",
    "Imperio otomano": "oriente medio",
    "Imperio austrohúngaro": "europa oriental",
    "Yugoslavia": "europa oriental",
    "Checoslovaquia": "europa oriental",
    "Alemania nazi": "europa occidental",
    "Imperio británico": "europa occidental",
    "Sacro Imperio Romano Germánico": "europa occidental",
}
# Today's states that were part of a historic one: never a wrong option for it (part-of is not wrong).
HISTORIC_PARTS = {
    "Unión Soviética": "RU UA BY MD EE LV LT",
    "Imperio ruso": "RU UA BY MD EE LV LT FI PL",
    "Yugoslavia": "RS HR SI BA ME MK",
    "Checoslovaquia": "CZ SK",
    "Imperio austrohúngaro": "AT HU CZ SK SI HR BA",
    "Imperio otomano": "TR",
    "Prusia": "DE PL",
    "Alemania nazi": "DE AT",
    "Sacro Imperio Romano Germánico": "DE AT CZ",
    "Imperio británico": "GB",
}
# Years a state existed, for states that have not always been there: a wrong option must exist in the text's age
# («Eslovenia» is no option in a text on 1939, «el Imperio austrohúngaro» none in a text on 1940).
STATE_YEARS = {
    "Italia": (1861, 9999),
    "Alemania": (1871, 9999),
    "Bélgica": (1830, 9999),
    "Grecia": (1830, 9999),
    "Rumanía": (1859, 9999),
    "Bulgaria": (1878, 9999),
    "Noruega": (1905, 9999),
    "Finlandia": (1917, 9999),
    "Irlanda": (1922, 9999),
    "Estados Unidos": (1776, 9999),
    "Unión Soviética": (1922, 1991),
    "Imperio ruso": (1721, 1917),
    "Prusia": (1701, 1947),
    "Imperio otomano": (1299, 1922),
    "Imperio austrohúngaro": (1867, 1918),
    "Yugoslavia": (1918, 1992),
    "Checoslovaquia": (1918, 1992),
    "Alemania nazi": (1933, 1945),
    "Imperio británico": (1583, 1997),
    "Sacro Imperio Romano Germánico": (962, 1806),
    # Independence (or first statehood) of today's states: none is a wrong option in a text on an earlier age.
    "Albania": (1912, 9999), "Islandia": (1918, 9999), "Estonia": (1918, 9999), "Letonia": (1918, 9999),
    "Lituania": (1918, 9999), "Turquía": (1923, 9999), "Chipre": (1960, 9999), "Israel": (1948, 9999),
    "Siria": (1946, 9999), "Líbano": (1943, 9999), "Jordania": (1946, 9999), "Irak": (1932, 9999),
    "Arabia Saudí": (1932, 9999), "Kuwait": (1961, 9999), "Baréin": (1971, 9999), "Catar": (1971, 9999),
    "Emiratos Árabes Unidos": (1971, 9999), "Egipto": (1922, 9999), "Libia": (1951, 9999), "Argelia": (1962, 9999),
    "Sudán": (1956, 9999), "Mauritania": (1960, 9999), "Nigeria": (1960, 9999), "Ghana": (1957, 9999),
    "Costa de Marfil": (1960, 9999), "Senegal": (1960, 9999), "Malí": (1960, 9999), "Níger": (1960, 9999),
    "Chad": (1960, 9999), "Camerún": (1960, 9999), "República Democrática del Congo": (1960, 9999),
    "Congo": (1960, 9999), "Angola": (1975, 9999), "Sudáfrica": (1910, 9999), "Zimbabue": (1980, 9999),
    "Zambia": (1964, 9999), "Mozambique": (1975, 9999), "Tanzania": (1961, 9999), "Kenia": (1963, 9999),
    "Uganda": (1962, 9999), "Somalia": (1960, 9999), "Ruanda": (1962, 9999), "Madagascar": (1960, 9999),
    "Namibia": (1990, 9999), "Botsuana": (1966, 9999), "Corea del Sur": (1948, 9999), "Corea del Norte": (1948, 9999),
    "Taiwán": (1949, 9999), "Mongolia": (1911, 9999), "India": (1947, 9999), "Pakistán": (1947, 9999),
    "Bangladés": (1971, 9999), "Sri Lanka": (1948, 9999), "Indonesia": (1945, 9999), "Filipinas": (1946, 9999),
    "Malasia": (1957, 9999), "Singapur": (1965, 9999), "Birmania": (1948, 9999), "Laos": (1953, 9999),
    "Camboya": (1953, 9999), "Vietnam": (1945, 9999), "Canadá": (1867, 9999), "México": (1821, 9999),
    "Guatemala": (1821, 9999), "Belice": (1981, 9999), "El Salvador": (1821, 9999), "Honduras": (1821, 9999),
    "Nicaragua": (1821, 9999), "Costa Rica": (1821, 9999), "Panamá": (1903, 9999), "Cuba": (1902, 9999),
    "República Dominicana": (1844, 9999), "Haití": (1804, 9999), "Jamaica": (1962, 9999), "Colombia": (1810, 9999),
    "Venezuela": (1811, 9999), "Ecuador": (1822, 9999), "Perú": (1821, 9999), "Bolivia": (1825, 9999),
    "Chile": (1818, 9999), "Argentina": (1816, 9999), "Uruguay": (1828, 9999), "Paraguay": (1811, 9999),
    "Brasil": (1822, 9999), "Australia": (1901, 9999), "Nueva Zelanda": (1907, 9999),
    "Papúa Nueva Guinea": (1975, 9999), "Fiyi": (1970, 9999), "Cabo Verde": (1975, 9999), "Reino Unido": (1707, 9999),
}  # fmt: skip
# Years in which a state that existed before and after did not exist («Polonia» between its partitions and 1918).
STATE_GAPS = {
    "Polonia": (1795, 1918), "Estonia": (1940, 1991), "Letonia": (1940, 1991), "Lituania": (1940, 1991),
    "Hungría": (1541, 1918), "Austria": (1938, 1945), "Checoslovaquia": (1939, 1945),
}  # fmt: skip
# Territories the country catalogue lists that are no state: never the wrong option for a state.
NOT_STATES = {
    "Gibraltar", "Puerto Rico", "Groenlandia", "Hong Kong", "Macao", "Bermudas", "Guayana Francesa", "Martinica",
    "Guadalupe", "Reunión", "Islas Feroe", "Aruba", "Curazao", "Sahara Occidental", "Nueva Caledonia",
}  # fmt: skip
# States too small to be a plausible wrong option unless the text names them (general data).
# States without a sea coast (general data): no actor of a voyage, a fleet or a coast.
LANDLOCKED = {
    "Austria", "Suiza", "Hungría", "Chequia", "República Checa", "Eslovaquia", "Bohemia", "Baviera", "Sajonia",
    "Luxemburgo", "Liechtenstein", "Andorra", "San Marino", "Ciudad del Vaticano", "Serbia", "Kosovo",
    "Macedonia del Norte", "Bielorrusia", "Moldavia", "Bolivia", "Paraguay", "Afganistán", "Mongolia", "Nepal",
    "Bután", "Tíbet", "Laos", "Kazajistán", "Uzbekistán", "Turkmenistán", "Kirguistán", "Tayikistán", "Armenia",
    "Azerbaiyán", "Etiopía", "Sudán del Sur", "Uganda", "Ruanda", "Burundi", "Zambia", "Zimbabue", "Malaui",
    "Botsuana", "Lesoto", "Esuatini", "Mali", "Malí", "Níger", "Chad", "Burkina Faso", "República Centroafricana",
}  # fmt: skip
MICROSTATES = {"Andorra", "Liechtenstein", "Mónaco", "San Marino", "Malta", "Luxemburgo", "Baréin", "Singapur"}
# Today's states born from the break-up of the Soviet Union, Yugoslavia and Czechoslovakia (ISO codes, first year).
NEW_STATE_CODES = {
    "UA": 1991, "BY": 1991, "MD": 1991, "RU": 1991, "SI": 1991, "HR": 1991, "MK": 1991, "BA": 1992, "CZ": 1993,
    "SK": 1993, "ME": 2006, "RS": 2006,
}  # fmt: skip
# Common Spanish names where pycountry's Spanish catalogue has an official or odd one.
REGION_NAME_FIXES = {
    "RU": "Rusia",
    "SY": "Siria",
    "KR": "Corea del Sur",
    "KP": "Corea del Norte",
    "LA": "Laos",
    "DZ": "Argelia",
    "TN": "Túnez",
    "CI": "Costa de Marfil",
    "NE": "Níger",
    "CD": "República Democrática del Congo",
}
# The cities of CITIES by region.
CITY_REGIONS = {
    "europa occidental": "Madrid|Barcelona|Valencia|Sevilla|Zaragoza|Bilbao|Málaga|Lisboa|Oporto|París|Marsella|Lyon|"
    "Londres|Mánchester|Liverpool|Edimburgo|Dublín|Bruselas|Ámsterdam|Rotterdam|Berlín|Múnich|Hamburgo|Fráncfort|"
    "Colonia|Dresde|Viena|Roma|Milán|Nápoles|Turín|Florencia|Venecia|Ginebra|Zúrich|Berna|Granada|Córdoba|Toledo|"
    "Salamanca|Burgos|Pamplona|Oviedo|Santander",
    "europa del norte": "Copenhague|Oslo|Estocolmo|Riga|Tallin|Vilna",
    "europa oriental": "Praga|Budapest|Varsovia|Cracovia|Atenas|Bucarest|Sofía|Belgrado|Zagreb|Minsk|Kiev|Odesa|Moscú",
    "oriente medio": "Estambul|Ankara|Jerusalén|Bagdad|Damasco|Beirut|Teherán",
    "américa del norte": "Nueva York|Washington|Chicago|Boston|Filadelfia|Toronto|Montreal|Guadalajara",
    "américa del sur": "Bogotá|Caracas|Lima|Quito|Santiago de Chile|Buenos Aires|Montevideo|Asunción|Río de Janeiro|"
    "São Paulo",
    "asia oriental": "Pekín|Shanghái|Tokio|Hiroshima|Nagasaki|Seúl",
    "asia meridional": "Nueva Delhi|Bombay|Calcuta",
    "norte de áfrica": "El Cairo|Alejandría|Argel|Túnez|Rabat|Casablanca",
}


@cache
def historic_parts() -> dict[str, set[str]]:
    """Return historic state -> the names of today's states that were part of it."""
    import pycountry

    try:
        translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"]).gettext
    except OSError:  # pragma: no cover - pycountry always ships the Spanish catalogue
        translate = str
    out: dict[str, set[str]] = {}
    for state, codes in HISTORIC_PARTS.items():
        names = set()
        for code in codes.split():
            if code in REGION_NAME_FIXES:
                names.add(REGION_NAME_FIXES[code])
            country = pycountry.countries.get(alpha_2=code)
            if country is not None:
                names.add(re.sub(r"\s*\(.*?\)", "", translate(country.name)).split(",")[0].strip())
        out[state] = names
    return out


@cache
def state_years() -> dict[str, tuple[int, int]]:
    """Return state name -> (first, last) year for the states that have not always existed."""
    import pycountry

    try:
        translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"]).gettext
    except OSError:  # pragma: no cover - pycountry always ships the Spanish catalogue
        translate = str
    years = dict(STATE_YEARS)
    for code, first in NEW_STATE_CODES.items():
        country = pycountry.countries.get(alpha_2=code)
        names = {REGION_NAME_FIXES[code]} if code in REGION_NAME_FIXES else set()
        if country is not None:
            names.add(re.sub(r"\s*\(.*?\)", "", translate(country.name)).split(",")[0].strip())
        for name in names:
            years[name] = (first, 9999)
    return years


def state_existed(name: str, year: int | None) -> bool:
    """Return whether a state existed in that year (True when the year or the state's dates are unknown)."""
    if year is None:
        return True
    first, last = state_years().get(name, (-9999, 9999))
    gap = STATE_GAPS.get(name)
    return first <= year <= last and not (gap and gap[0] < year < gap[1])


@cache
def region_of() -> dict[str, str]:
    """Return place name (Spanish, as the gazetteer spells it) -> world region, for countries and cities."""
    import pycountry

    try:
        translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"]).gettext
    except OSError:  # pragma: no cover - pycountry always ships the Spanish catalogue
        translate = str
    regions: dict[str, str] = {}
    for region, codes in REGION_CODES.items():
        for code in codes.split():
            country = pycountry.countries.get(alpha_2=code)
            if code in REGION_NAME_FIXES:
                regions[REGION_NAME_FIXES[code]] = region
            elif country is not None:
                name = re.sub(r"\s*\(.*?\)", "", translate(country.name)).split(",")[0].strip()
                regions[name] = region
    regions.update(HISTORIC_REGIONS)
    for region, cities in CITY_REGIONS.items():
        for city in cities.split("|"):
            regions[city] = region
    return regions


# Relative time words that leak chronology in ordering labels and computed dates.
# Nouns of a time, folded lemmas: they date a clause («en la noche del 25 de abril», «En la primavera de 1921, la
# comisión la estableció…»); not a place, a thing or what a clitic stands for.
# A Spanish irregular participle without its ending («-o», «-a», «-os», «-as»), prefixed or not: «escrito», «descrito»,
# «hecho», «dicho», «puesto», «dispuesto», «visto», «muerto», «abierto», «descubierto», «vuelto», «devuelto», «roto»,
# «impreso». A regular expression, to be followed by «[oa]s?».
IRREGULAR_PARTICIPLE_STEM = r"[a-záéíóúñ]*(?:crit|hech|dich|uest|vist|muert|iert|uelt|rot|impres)"
TIME_NOUNS = frozenset(
    {"primavera", "verano", "otono", "invierno", "manana", "tarde", "noche", "madrugada", "mediodia", "vispera"}
    | {"decada", "epoca", "semana", "fecha", "jornada", "ano", "mes", "dia", "siglo", "hora", "momento"}
)

RELATIVE_TIME_WORDS = (
    "después",
    "antes",
    "más tarde",
    "luego",
    "posteriormente",
    "anteriormente",
    "previamente",
    "tras",
    "desde entonces",
    "al año siguiente",
    "al mes siguiente",
    "el año siguiente",
    "ese mismo año",
    "finalmente",
    "inicialmente",
)


def strip_accents(text: str) -> str:
    """Return text without diacritics (ñ becomes n)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Return a comparison form: no accents, casefolded, single spaces."""
    return " ".join(re.sub(r"[^\w%°\-]+", " ", strip_accents(text).casefold()).split())


def demonym_forms(stem: str) -> list[str]:
    """Return the four inflections of a masculine singular demonym."""
    if stem.endswith("és"):
        base = stem[:-2] + "es"
        return [stem, base + "a", base + "es", base + "as"]
    if stem.endswith("án"):
        base = stem[:-2] + "an"
        return [stem, base + "a", base + "es", base + "as"]
    if stem.endswith("ón"):
        base = stem[:-2] + "on"
        return [stem, base + "a", base + "es", base + "as"]
    if stem.endswith("o"):
        base = stem[:-1]
        return [stem, base + "a", base + "os", base + "as"]
    if stem.endswith(("í", "ú")):
        return [stem, stem + "es", stem + "s"]
    if stem.endswith(("e", "a")):
        return [stem, stem + "s"]
    # español -> española, españoles, españolas
    return [stem, stem + "a", stem + "es", stem + "as"]


@cache
def country_names() -> tuple[str, ...]:
    """Return Spanish short names of all ISO countries (pycountry, offline)."""
    import pycountry

    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
        translate = tr.gettext
    except OSError:  # pragma: no cover - pycountry always ships the Spanish catalogue
        translate = str
    names = []
    for country in pycountry.countries:
        name = translate(country.name)
        name = re.sub(r"\s*\(.*?\)", "", name).split(",")[0].strip()
        if name and name not in names:
            names.append(name)
    return tuple(names)


@cache
def place_gazetteer() -> dict[str, dict]:
    """Return name -> {"subtype", "group", "article"} for countries, historic states, cities."""
    gaz: dict[str, dict] = {}
    for name in country_names():
        gaz[name] = {
            "subtype": "country",
            "group": name,
            "article": COUNTRY_ARTICLES.get(name, ""),
        }
    for state in HISTORIC_STATES:
        group = state["name"]
        gaz[group] = {"subtype": "country", "group": group, "article": state["article"]}
        for alias in state["aliases"]:
            gaz[alias] = {"subtype": "country", "group": group, "article": ""}
    for city in CITIES:
        gaz.setdefault(city, {"subtype": "city", "group": city, "article": ""})
    for region in HISTORIC_REGIONS_OF_EUROPE:
        gaz.setdefault(region, {"subtype": "region", "group": region, "article": ""})
    for continent in CONTINENTS:
        gaz.setdefault(continent, {"subtype": "continent", "group": continent, "article": ""})
    return gaz


@cache
def alias_table() -> dict[str, str]:
    """Return folded surface form -> alias group (names, aliases, demonym inflections)."""
    table: dict[str, str] = {}
    for name, info in place_gazetteer().items():
        table.setdefault(fold(name), info["group"])
    for stem, country in DEMONYMS.items():
        for form in demonym_forms(stem):
            table.setdefault(fold(form), country)
    for state in HISTORIC_STATES:
        for stem in state["demonyms"]:
            for form in demonym_forms(stem):
                table[fold(form)] = state["name"]
    return table


@cache
def gazetteer_names_by_group() -> dict[str, set[str]]:
    """Return alias group -> the names (not demonyms) the gazetteers know it by."""
    names: dict[str, set[str]] = {}
    for name, info in place_gazetteer().items():
        names.setdefault(info["group"], set()).add(name)
    return names


@cache
def alias_forms_by_group() -> dict[str, set[str]]:
    """Return alias group -> its folded surface forms (the inverse of alias_table)."""
    inverse: dict[str, set[str]] = {}
    for form, group in alias_table().items():
        inverse.setdefault(group, set()).add(form)
    return inverse


@cache
def related_groups() -> dict[str, set[str]]:
    """Return group -> groups that must never be offered against it (successor, army...)."""
    rel: dict[str, set[str]] = {}
    for state in HISTORIC_STATES:
        names = {state["name"], *state["related"]}
        for name in names:
            rel.setdefault(name, set()).update(names - {name})
    return rel


def article_for(name: str, subtype: str) -> str:
    """Return the article a place name takes in running text ("" when none)."""
    info = place_gazetteer().get(name)
    if info and info["article"]:
        return info["article"]
    head = name.split()[0]
    if subtype == "country" and head in HEAD_ARTICLES:
        return HEAD_ARTICLES[head]
    return ""


# Other names everyone uses for the same person, work, event, period, body or substance: a student who types any of
# them is right («la Gran Guerra» for «Primera Guerra Mundial», «Asia Menor» for «Anatolia», «Michelangelo» for
# «Miguel Ángel»). General knowledge of the kind a teacher accepts without a second thought, not the answers of any
# text; a name that stands for several things («Leonardo», «el Libertador», «Reforma», «Segunda República», «Carlos V»,
# «Velázquez», «Gandhi») is in no group, nor are a
# place's names of other times («Petrogrado», «Constantinopla»), which say something else.
COMMON_ALIASES: tuple[tuple[str, ...], ...] = (
    # people
    ("Miguel Ángel", "Miguel Ángel Buonarroti", "Michelangelo", "Michelangelo Buonarroti"),
    ("Leonardo da Vinci", "Leonardo di ser Piero da Vinci"),
    ("Rafael Sanzio", "Rafael de Urbino", "Raffaello Sanzio"),
    ("Tiziano", "Tiziano Vecellio"),
    ("El Greco", "Doménikos Theotokópoulos"),
    ("Cervantes", "Miguel de Cervantes", "Miguel de Cervantes Saavedra"),
    ("Lope de Vega", "Félix Lope de Vega", "Lope de Vega y Carpio"),
    ("Santa Teresa de Jesús", "Teresa de Jesús", "Teresa de Ávila", "Santa Teresa de Ávila"),
    ("Lenin", "Vladímir Lenin", "Vladímir Ilich Lenin", "Vladímir Ilich Uliánov"),
    ("Stalin", "Iósif Stalin", "José Stalin", "Joseph Stalin"),
    ("Napoleón Bonaparte", "Napoleón", "Napoleón I"),
    ("Carlos I de España", "Carlos V del Sacro Imperio", "Carlos V de Alemania"),
    ("Isabel la Católica", "Isabel I de Castilla"),
    ("Fernando el Católico", "Fernando II de Aragón"),
    ("Reyes Católicos", "Isabel y Fernando", "Fernando e Isabel"),
    ("Alfonso X el Sabio", "Alfonso X"),
    ("Alejandro Magno", "Alejandro III de Macedonia", "Alejandro el Grande"),
    ("Julio César", "Cayo Julio César"),
    ("Octavio Augusto", "César Augusto"),
    ("Carlomagno", "Carlos el Grande"),
    ("Pedro el Grande", "Pedro I el Grande", "Pedro I de Rusia"),
    ("Catalina la Grande", "Catalina II de Rusia", "Catalina II la Grande"),
    ("Luis XIV", "Rey Sol"),
    ("Mahoma", "Muhammad"),
    ("Buda", "Siddhartha Gautama", "Gautama Buda"),
    ("Confucio", "Kong Fuzi"),
    ("Che Guevara", "Ernesto Guevara", "Ernesto Che Guevara", "el Che"),
    ("Mao Zedong", "Mao Tse-tung"),
    ("Mahatma Gandhi", "Mohandas Gandhi", "Mohandas Karamchand Gandhi"),
    # events and periods
    ("Primera Guerra Mundial", "Gran Guerra", "I Guerra Mundial"),
    ("Segunda Guerra Mundial", "II Guerra Mundial"),
    ("Ilustración", "Siglo de las Luces", "las Luces"),
    ("Edad Media", "Medievo", "Medioevo"),
    ("Revolución de Octubre", "Revolución bolchevique"),
    ("Guerra de la Independencia Española", "Guerra de Independencia Española", "Guerra del Francés"),
    ("Guerra de Secesión", "Guerra Civil Estadounidense", "Guerra Civil de los Estados Unidos"),
    ("Holocausto", "Shoá", "Shoah"),
    ("Contrarreforma", "Reforma católica"),
    ("Peste Negra", "Muerte Negra", "Gran Peste"),
    ("Concilio de Trento", "Concilio Tridentino"),
    # states, bodies and places
    ("Imperio bizantino", "Imperio romano de Oriente"),
    ("Sacro Imperio Romano Germánico", "Sacro Imperio Romano", "Sacro Imperio"),
    ("Imperio otomano", "Imperio turco otomano", "Imperio turco"),
    ("Tercer Reich", "Alemania nazi"),
    ("Imperio inca", "Imperio incaico", "Tahuantinsuyo", "Tawantinsuyu"),
    ("Imperio azteca", "Imperio mexica"),
    ("aztecas", "mexicas"),
    ("al-Ándalus", "Alándalus"),
    ("Estados Pontificios", "Estados de la Iglesia"),
    ("Segunda República Española", "II República Española"),
    ("República Federal de Alemania", "Alemania Occidental", "RFA"),
    ("República Democrática Alemana", "Alemania Oriental", "RDA"),
    ("Estados Unidos", "Estados Unidos de América"),
    ("Sociedad de Naciones", "Sociedad de las Naciones", "Liga de las Naciones"),
    ("Comunidad Económica Europea", "CEE", "Mercado Común Europeo", "Mercado Común"),
    ("Fondo Monetario Internacional", "FMI"),
    ("Organización Mundial del Comercio", "OMC"),
    ("Organización de los Estados Americanos", "OEA"),
    ("Organización de Países Exportadores de Petróleo", "OPEP"),
    ("Unión Astronómica Internacional", "UAI"),
    ("Partido Nacionalsocialista Obrero Alemán", "Partido Nazi", "NSDAP"),
    ("Palacio Apostólico", "Palacio Vaticano", "Palacio Pontificio"),
    ("Anatolia", "Asia Menor"),
    ("Países Bajos", "Holanda"),
    ("Birmania", "Myanmar"),
    ("Pekín", "Beijing"),
    ("Ciudad de México", "México D. F.", "CDMX"),
    ("Nueva España", "Virreinato de Nueva España"),
    ("América del Sur", "Sudamérica", "Suramérica"),
    ("América del Norte", "Norteamérica"),
    ("América Central", "Centroamérica"),
    # works
    ("Don Quijote de la Mancha", "El ingenioso hidalgo don Quijote de la Mancha", "El Quijote"),
    ("La Gioconda", "Mona Lisa", "La Joconda"),
    ("Las Meninas", "La familia de Felipe IV"),
    ("La última cena", "El cenáculo"),
    ("Carta Magna", "Magna Carta"),
    ("Código Napoleónico", "Código de Napoleón", "Código civil francés"),
    # science
    ("dióxido de carbono", "CO2", "anhídrido carbónico"),
    ("ácido desoxirribonucleico", "ADN"),
    ("ácido ribonucleico", "ARN"),
    ("cloruro de sodio", "sal común", "NaCl"),
    ("glóbulos rojos", "eritrocitos", "hematíes"),
    ("glóbulos blancos", "leucocitos"),
    ("plaquetas", "trombocitos"),
    ("ácido ascórbico", "vitamina C"),
    ("virus de la inmunodeficiencia humana", "VIH"),
    ("síndrome de inmunodeficiencia adquirida", "sida"),
)


def _without_article(folded: str) -> str:
    return re.sub(r"^(?:el|la|los|las) ", "", folded)


@cache
def common_alias_groups() -> dict[str, tuple[str, ...]]:
    """Return folded name (without its article) -> every name of its group in COMMON_ALIASES."""
    groups: dict[str, tuple[str, ...]] = {}
    for group in COMMON_ALIASES:
        for name in group:
            groups[_without_article(fold(name))] = group
    return groups


def common_aliases(name: str) -> list[str]:
    """Return the other names everyone uses for `name` («Gran Guerra» for «Primera Guerra Mundial»), [] if none."""
    key = _without_article(fold(name))
    return [n for n in common_alias_groups().get(key, ()) if _without_article(fold(n)) != key]
