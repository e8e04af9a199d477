"""media-inspection: checks every technical rule of the notice on films, images and forms."""
