"""Reference registers the reports draw on: country names."""

from secretariat.registers.countries import (
    Country,
    CountryRegister,
    NameForm,
    Renaming,
    country_register,
)

__all__ = [
    "Country",
    "CountryRegister",
    "NameForm",
    "Renaming",
    "country_register",
]
