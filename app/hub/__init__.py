"""The hub: network sync for teachers' laptops, in front of the office's database (docs/hub.md)."""
