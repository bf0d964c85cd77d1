"""The floor: a bare Django project answering "ok", served by the portal's
own gunicorn config in the same run, so the speed bench can say how close
the portal's pages come to what Django and gunicorn cost at all."""
