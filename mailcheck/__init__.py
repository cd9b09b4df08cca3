"""mailcheck: checks drafted replies to overseas buyers before they are sent."""

__version__ = "0.1.0"
