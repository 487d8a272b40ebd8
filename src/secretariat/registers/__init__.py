"""Reference registers the reports draw on: country names."""

from secretariat.registers.countries import (
    Country,
    CountryNameUncertainError,
    CountryRegister,
    NameForm,
    Renaming,
    UnknownCountryError,
    country_register,
)

__all__ = [
    "Country",
    "CountryNameUncertainError",
    "CountryRegister",
    "NameForm",
    "Renaming",
    "UnknownCountryError",
    "country_register",
]
