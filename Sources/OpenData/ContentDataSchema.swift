import SiteModel

/// The JSON Schema (draft 2020-12) of `/katalog/katalog.json`, published beside it.
enum ContentDataSchema {
    static func json(id: String) -> String {
        let date = #"{"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}"#
        let text = #"{"type": "string"}"#
        let optionalText = #"{"type": ["string", "null"]}"#
        let contact = #"{"type": "object", "required": ["name"], "additionalProperties": false, "properties": {"name": {"type": "string"}, "email": {"type": ["string", "null"]}, "url": {"type": ["string", "null"]}, "person": {"type": ["string", "null"]}, "phone": {"type": ["string", "null"]}}}"#
        let texts = #"{"type": "array", "items": {"type": "string"}}"#
        let id_ = #"{"type": "string", "minLength": 1}"#
        let license = #"{"type": "object", "required": ["spdx", "name"], "additionalProperties": false, "properties": {"spdx": {"type": "string"}, "name": {"type": "string"}, "url": {"type": ["string", "null"], "format": "uri"}}}"#
        return """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "\(id)",
          "title": "Katalog der Wissensbasis",
          "description": "Alle Inhalte der Wissensbasis (Blaupausen, Berichte, Kurse, Projekte, Kommunen) als JSON, erzeugt von vcc.",
          "type": "object",
          "required": ["$schema", "title", "url", "blueprints", "reports", "courses", "projects", "municipalities"],
          "additionalProperties": false,
          "properties": {
            "$schema": \(text), "title": \(text), "description": \(text), "url": \(text),
            "publisher": {"type": "object", "required": ["name", "url"], "additionalProperties": false, "properties": {"name": \(text), "url": \(text)}},
            "modified": \(date),
            "blueprints": {"type": "array", "items": {"$ref": "#/$defs/blueprint"}},
            "reports": {"type": "array", "items": {"$ref": "#/$defs/report"}},
            "courses": {"type": "array", "items": {"$ref": "#/$defs/course"}},
            "projects": {"type": "array", "items": {"$ref": "#/$defs/project"}},
            "municipalities": {"type": "array", "items": {"$ref": "#/$defs/municipality"}}
          },
          "$defs": {
            "license": \(license),
            "blueprint": {
              "type": "object", "additionalProperties": false,
              "required": ["id", "title", "summary", "url", "markdown", "maturity", "license", "municipalities", "themes", "updated", "contact", "adoptedBy", "related", "prerequisites", "attachments", "products", "legalBasis"],
              "properties": {
                "id": \(id_), "title": \(text), "summary": \(text), "url": \(text), "markdown": \(text), "package": \(optionalText),
                "maturity": {"enum": [\(Maturity.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))]},
                "license": {"$ref": "#/$defs/license"}, "municipalities": \(texts), "themes": \(texts), "updated": \(date),
                "contact": \(contact),
                "adoptedBy": {"type": "array", "items": {"type": "object", "additionalProperties": false, "properties": {
                  "municipality": \(optionalText), "name": \(optionalText), "ags": {"type": ["string", "null"], "pattern": "^[0-9]{8}$"},
                  "since": {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                  "status": {"enum": ["interessiert", "in-vorbereitung", "pilot", "im-betrieb", "beendet", null]}}}},
                "related": \(texts), "prerequisites": \(texts), "effort": \(optionalText),
                "attachments": {"type": "array", "items": {"type": "object", "required": ["title", "path", "url"], "additionalProperties": false, "properties": {"title": \(text), "path": \(text), "url": \(text)}}},
                "costs": {"type": ["object", "null"], "additionalProperties": false, "properties": {"oneOff": {"type": ["integer", "null"], "minimum": 0}, "yearly": {"type": ["integer", "null"], "minimum": 0}, "note": \(optionalText)}},
                "products": {"type": "array", "items": {"type": "object", "required": ["name"], "additionalProperties": false, "properties": {"name": \(text), "openSource": {"type": ["boolean", "null"]}, "license": \(optionalText), "url": \(optionalText)}}},
                "legalBasis": \(texts),
                "suitableFor": {"type": ["object", "null"], "additionalProperties": false, "properties": {"min": {"type": ["integer", "null"]}, "max": {"type": ["integer", "null"]}}},
                "project": \(optionalText),
                "inOperation": {"type": "array", "items": {"type": "object", "required": ["municipality"], "additionalProperties": false,
                  "properties": {"municipality": \(text), "since": {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}}}}
              }
            },
            "report": {
              "type": "object", "additionalProperties": false,
              "required": ["id", "title", "summary", "url", "project", "reportType", "published", "authors"],
              "properties": {"id": \(id_), "title": \(text), "summary": \(text), "url": \(text), "project": \(text), "reportType": \(text),
                             "published": \(date), "authors": \(texts), "license": {"oneOf": [{"$ref": "#/$defs/license"}, {"type": "null"}]}}
            },
            "course": {
              "type": "object", "additionalProperties": false,
              "required": ["id", "title", "summary", "url", "audience", "workload", "license", "learningOutcomes", "modules"],
              "properties": {"id": \(id_), "title": \(text), "summary": \(text), "url": \(text), "audience": \(text), "workload": \(text),
                             "license": {"$ref": "#/$defs/license"}, "learningOutcomes": \(texts),
                             "modules": {"type": "array", "items": {"type": "object", "additionalProperties": false,
                               "required": ["id", "title", "url", "order", "duration", "learningObjectives"],
                               "properties": {"id": \(id_), "title": \(text), "url": \(text), "order": {"type": "integer"}, "duration": \(text), "learningObjectives": \(texts)}}}}
            },
            "project": {
              "type": "object", "additionalProperties": false,
              "required": ["id", "title", "acronym", "url", "lead", "partners", "status", "start"],
              "properties": {"id": \(id_), "title": \(text), "acronym": \(text), "url": \(text), "lead": \(text), "partners": \(texts), "status": \(text),
                             "start": \(date), "end": {"type": ["string", "null"]}, "funding": \(optionalText), "summary": \(optionalText)}
            },
            "municipality": {
              "type": "object", "additionalProperties": false,
              "required": ["id", "name", "officialName", "ags", "website", "url"],
              "properties": {"id": \(id_), "name": \(text), "officialName": \(text), "ags": {"type": "string", "pattern": "^[0-9]{8}$"},
                             "website": \(text), "url": \(text), "summary": \(optionalText),
                             "population": {"type": ["integer", "null"], "minimum": 1}, "contact": {"oneOf": [\(contact), {"type": "null"}]}}
            }
          }
        }

        """
    }
}
