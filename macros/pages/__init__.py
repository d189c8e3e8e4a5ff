"""What a build publishes: the generated pages (stubs whose body is a macro call), published links, the JSON API."""
