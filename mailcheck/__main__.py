from .cli import main

# Guarded: worker processes (check --jobs) import the main module again.
if __name__ == "__main__":
    main()
