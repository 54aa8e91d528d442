"""Place names a rendered infobox puts before a name as the alt text of a flag icon.

A scraped infobox loses its flag images but keeps their alt text: `United Kingdom Lt. Col.
Herbert Jones`, `Argentina Argentina United Kingdom United Kingdom`. The reader strips these
words from commanders and splits run-together belligerent lines with them. One name a line in
``COUNTRIES``; add a name here (a one-line change) when a page uses one that is missing.
"""

from __future__ import annotations

import re

COUNTRIES = """
Afghanistan
Albania
Algeria
Andorra
Angola
Antigua and Barbuda
Argentina
Armenia
Australia
Austria
Azerbaijan
Bahamas
Bahrain
Bangladesh
Barbados
Belarus
Belgium
Belize
Benin
Bhutan
Bolivia
Bosnia and Herzegovina
Botswana
Brazil
Brunei
Bulgaria
Burkina Faso
Burundi
Cambodia
Cameroon
Canada
Cape Verde
Central African Republic
Chad
Chile
China
People's Republic of China
Republic of China
Colombia
Comoros
Congo
Democratic Republic of the Congo
Republic of the Congo
Costa Rica
Croatia
Cuba
Cyprus
Czech Republic
Czechia
Denmark
Djibouti
Dominica
Dominican Republic
East Timor
Ecuador
Egypt
El Salvador
Equatorial Guinea
Eritrea
Estonia
Eswatini
Ethiopia
Fiji
Finland
France
Gabon
Gambia
Georgia
Germany
Ghana
Greece
Grenada
Guatemala
Guinea
Guinea-Bissau
Guyana
Haiti
Honduras
Hungary
Iceland
India
Indonesia
Iran
Iraq
Ireland
Israel
Italy
Ivory Coast
Jamaica
Japan
Jordan
Kazakhstan
Kenya
Kiribati
Kosovo
Kuwait
Kyrgyzstan
Laos
Latvia
Lebanon
Lesotho
Liberia
Libya
Liechtenstein
Lithuania
Luxembourg
Madagascar
Malawi
Malaysia
Maldives
Mali
Malta
Mauritania
Mauritius
Mexico
Moldova
Monaco
Mongolia
Montenegro
Morocco
Mozambique
Myanmar
Burma
Namibia
Nauru
Nepal
Netherlands
New Zealand
Nicaragua
Niger
Nigeria
North Korea
North Macedonia
Macedonia
Norway
Oman
Pakistan
Palau
Palestine
State of Palestine
Panama
Papua New Guinea
Paraguay
Peru
Philippines
Poland
Portugal
Qatar
Romania
Russia
Russian Federation
Rwanda
Saint Lucia
Samoa
San Marino
Saudi Arabia
Senegal
Serbia
Seychelles
Sierra Leone
Singapore
Slovakia
Slovenia
Solomon Islands
Somalia
South Africa
South Korea
South Sudan
Spain
Sri Lanka
Sudan
Suriname
Sweden
Switzerland
Syria
Taiwan
Tajikistan
Tanzania
Thailand
Togo
Tonga
Trinidad and Tobago
Tunisia
Turkey
Türkiye
Turkmenistan
Tuvalu
Uganda
Ukraine
United Arab Emirates
United Kingdom
Great Britain
United States
United States of America
Uruguay
Uzbekistan
Vanuatu
Vatican City
Venezuela
Vietnam
Yemen
Zambia
Zimbabwe
Abkhazia
South Ossetia
Transnistria
Nagorno-Karabakh
Artsakh
Republic of Artsakh
Chechnya
Chechen Republic of Ichkeria
Ichkeria
Northern Cyprus
Western Sahara
Somaliland
Rojava
Syrian Kurdistan
Iraqi Kurdistan
Kurdistan
Donetsk People's Republic
Luhansk People's Republic
Republika Srpska
Republic of Serbian Krajina
Herzeg-Bosnia
Soviet Union
USSR
Russian SFSR
Ukrainian SSR
Russian Empire
Nazi Germany
German Reich
East Germany
West Germany
Weimar Republic
Austria-Hungary
Ottoman Empire
Empire of Japan
Kingdom of Italy
Fascist Italy
Vichy France
Free France
Kingdom of Yugoslavia
Yugoslavia
SFR Yugoslavia
FR Yugoslavia
Czechoslovakia
Independent State of Croatia
Slovak Republic
Kingdom of Romania
Kingdom of Hungary
Kingdom of Bulgaria
North Vietnam
South Vietnam
State of Vietnam
Democratic Republic of Vietnam
Republic of Vietnam
Khmer Republic
Rhodesia
Zaire
Biafra
Ceylon
Persia
Siam
Prussia
Confederate States
Confederate States of America
European Union
NATO
United Nations
""".strip().splitlines()

_TOKEN = re.compile(r"\S+")


def _key(words: list[str]) -> tuple[str, ...]:
    return tuple(w.lower() for w in words)


_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _name in COUNTRIES:
    _words = _key(_name.split())
    _BY_FIRST.setdefault(_words[0], []).append(_words)
for _names in _BY_FIRST.values():
    _names.sort(key=len, reverse=True)


def place_at(tokens: list[str], index: int) -> int:
    """How many tokens from ``tokens[index]`` on spell a known place name (0 when none)."""
    if index >= len(tokens):
        return 0
    for words in _BY_FIRST.get(tokens[index].lower(), ()):
        if _key(tokens[index:index + len(words)]) == words:
            return len(words)
    return 0


def is_place(name: str) -> bool:
    tokens = name.split()
    return bool(tokens) and place_at(tokens, 0) == len(tokens)
