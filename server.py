"""Run the service with its defaults: ``python server.py`` or ``flask --app server run``.

Settings come from ``KG_*`` environment variables (see the README); ``python server.py``
serves with waitress, like ``kg serve``.
"""

if __name__ == "__main__":
    from kg.cli import main

    main(["serve"])
else:
    from kg.web import create_app

    app = create_app()
